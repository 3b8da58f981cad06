import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app.ts';
import capacityApi from '../api/capacity.ts';
import matchingApi from '../api/matching.ts';
import partnershipsApi from '../api/partnerships.ts';
import schoolsApi from '../api/schools.ts';
import sessionApi from '../api/session.ts';
import account from './account.ts';
import capacity from './capacity.ts';
import health from './health.ts';
import map from './map.ts';
import partners from './partners.ts';
import readiness from './readiness.ts';
import partnershipForms from './partnership-forms.ts';
import partnershipImpact from './partnership-impact.ts';
import partnershipReadiness from './partnership-readiness.ts';
import partnerships from './partnerships.ts';
import admin from './admin.ts';
import adminPeople from './admin-people.ts';
import performanceProfiles from './performance-profiles.ts';
import audit from './audit.ts';
import invitations from './invitations.ts';
import passwordReset from './password-reset.ts';
import schoolMembers from './school-members.ts';
import schoolSettings from './school-settings.ts';
import schoolSharing from './school-sharing.ts';
import signIn from './sign-in.ts';
import schools from './schools.ts';

/** Every page and API module, registered in this order (add yours here). */
export const routes: FastifyPluginAsync<AppDeps>[] = [
  health,
  schools,
  schoolsApi,
  sessionApi,
  account,
  schoolSettings,
  capacity,
  capacityApi,
  map,
  matchingApi,
  readiness,
  partnerships,
  partnershipForms,
  partnershipImpact,
  partnershipReadiness,
  partnershipsApi,
  partners,
  signIn,
  passwordReset,
  invitations,
  schoolMembers,
  schoolSharing,
  audit,
  admin,
  adminPeople,
  performanceProfiles,
];
