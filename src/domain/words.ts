/**
 * A sentence in English with the template it was filled in from and its values ("The partnership
 * of {{schools}} has started"), so that a face can write it in the reader's language from the
 * catalogue. A list of names is written with "and".
 */
export interface Words {
  message: string;
  template: string;
  values: Record<string, string | number | string[]>;
}

/** The template filled in, in English. */
export function wordsOf(template: string, values: Words['values'] = {}): Words {
  const message = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value.join(' and ') : String(value ?? '');
  });
  return { message, template, values };
}

/** Words that may carry no template: a sentence stored before templates were kept, or never worded. */
export interface SomeWords {
  message: string;
  template?: string;
  values?: Words['values'];
}
