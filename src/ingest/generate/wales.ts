import type { Area, LatLon } from '../../domain/school.ts';

export interface Place {
  town: string;
  /** The town's postcode district, for plausible synthetic postcodes. */
  postcodeDistrict: string;
  location: LatLon;
  localAuthority: Area;
  constituency: Area;
}

const place = (
  town: string,
  postcodeDistrict: string,
  lat: number,
  lon: number,
  la: [string, string],
  pcon: [string, string],
): Place => ({
  town,
  postcodeDistrict,
  location: { lat, lon },
  localAuthority: { code: la[0], name: la[1] },
  constituency: { code: pcon[0], name: pcon[1] },
});

/**
 * Welsh towns to cluster synthetic Welsh schools around (the demo data is England only): GIAS's
 * LA codes for Welsh authorities, and the July 2024 constituency each town centre lies in.
 */
export const WELSH_TOWNS: Place[] = [
  place('Cardiff', 'CF10', 51.481, -3.179, ['681', 'Cardiff'], ['W07000091', 'Cardiff South and Penarth']),
  place('Swansea', 'SA1', 51.621, -3.944, ['670', 'Swansea'], ['W07000108', 'Swansea West']),
  place('Newport', 'NP20', 51.588, -2.998, ['680', 'Newport'], ['W07000104', 'Newport East']),
  place('Wrexham', 'LL11', 53.046, -2.993, ['665', 'Wrexham'], ['W07000111', 'Wrexham']),
  place('Bangor', 'LL57', 53.228, -4.129, ['661', 'Gwynedd'], ['W07000083', 'Bangor Aberconwy']),
  place('Aberystwyth', 'SY23', 52.415, -4.083, ['667', 'Ceredigion'], ['W07000093', 'Ceredigion Preseli']),
  place('Carmarthen', 'SA31', 51.857, -4.312, ['669', 'Carmarthenshire'], ['W07000087', 'Caerfyrddin']),
  place(
    'Merthyr Tydfil',
    'CF47',
    51.748,
    -3.378,
    ['675', 'Merthyr Tydfil'],
    ['W07000099', 'Merthyr Tydfil and Aberdare'],
  ),
  place('Bridgend', 'CF31', 51.504, -3.577, ['672', 'Bridgend'], ['W07000086', 'Bridgend']),
  place('Llandudno', 'LL30', 53.324, -3.828, ['662', 'Conwy'], ['W07000083', 'Bangor Aberconwy']),
  place('Newtown', 'SY16', 52.513, -3.313, ['666', 'Powys'], ['W07000102', 'Montgomeryshire and Glyndwr']),
  place(
    'Haverfordwest',
    'SA61',
    51.801,
    -4.969,
    ['668', 'Pembrokeshire'],
    ['W07000100', 'Mid and South Pembrokeshire'],
  ),
  place('Pontypridd', 'CF37', 51.602, -3.342, ['674', 'Rhondda Cynon Taf'], ['W07000106', 'Pontypridd']),
  place('Caerphilly', 'CF83', 51.575, -3.218, ['676', 'Caerphilly'], ['W07000088', 'Caerphilly']),
  place('Llanelli', 'SA15', 51.681, -4.161, ['669', 'Carmarthenshire'], ['W07000098', 'Llanelli']),
  place('Mold', 'CH7', 53.167, -3.142, ['664', 'Flintshire'], ['W07000094', 'Clwyd East']),
  place(
    'Neath',
    'SA11',
    51.663,
    -3.806,
    ['671', 'Neath Port Talbot'],
    ['W07000103', 'Neath and Swansea East'],
  ),
  place('Holyhead', 'LL65', 53.309, -4.633, ['660', 'Isle of Anglesey'], ['W07000112', 'Ynys Môn']),
  place(
    'Ebbw Vale',
    'NP23',
    51.778,
    -3.207,
    ['677', 'Blaenau Gwent'],
    ['W07000084', 'Blaenau Gwent and Rhymney'],
  ),
  place('Pontypool', 'NP4', 51.701, -3.044, ['678', 'Torfaen'], ['W07000109', 'Torfaen']),
  place('Monmouth', 'NP25', 51.811, -2.716, ['679', 'Monmouthshire'], ['W07000101', 'Monmouthshire']),
  place('Barry', 'CF62', 51.399, -3.283, ['673', 'Vale of Glamorgan'], ['W07000110', 'Vale of Glamorgan']),
  place('Denbigh', 'LL16', 53.184, -3.419, ['663', 'Denbighshire'], ['W07000095', 'Clwyd North']),
  place('Brecon', 'LD3', 51.947, -3.391, ['666', 'Powys'], ['W07000085', 'Brecon, Radnor and Cwm Tawe']),
];
