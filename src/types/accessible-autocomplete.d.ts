/** The part of alphagov's accessible-autocomplete (which ships no types) that S2S uses. */
declare module 'accessible-autocomplete' {
  interface Options<T> {
    element: HTMLElement;
    id: string;
    name?: string;
    defaultValue?: string;
    minLength?: number;
    showNoOptionsFound?: boolean;
    tNoResults?: () => string;
    tStatusNoResults?: () => string;
    tStatusQueryTooShort?: (minQueryLength: number) => string;
    tStatusSelectedOption?: (option: string, length: number, index: number) => string;
    tStatusResults?: (length: number, selectedOption: string) => string;
    tAssistiveHint?: () => string;
    source: (query: string, populate: (results: T[]) => void) => void;
    templates?: {
      inputValue?: (result: T | undefined) => string;
      suggestion?: (result: T | string) => string;
    };
    onConfirm?: (result: T | undefined) => void;
  }
  export default function accessibleAutocomplete<T>(options: Options<T>): void;
}
