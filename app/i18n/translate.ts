import { da } from "./da";
import { en } from "./en";
import { pluralForm } from "./format";
import { INTL_TAGS, type Locale } from "./locales";
import { nb } from "./nb";
import { sv } from "./sv";

/** Every message the admin shows; English defines the keys and the placeholders. */
export type MessageKey = keyof typeof en;

/** A dictionary for another language: every key, nothing else (checked by the compiler). */
export type Dictionary = { readonly [Key in MessageKey]: string };

const dictionaries: Record<Locale, Dictionary> = { en, nb, sv, da };

/** `count` in both `{count}` and the plural choice `{count:one|other}`. */
type PlaceholderName<Inside extends string> = Inside extends `${infer Name}:${string}` ? Name : Inside;

type PlaceholdersIn<Text extends string> = Text extends `${string}{${infer Inside}}${infer Rest}`
  ? PlaceholderName<Inside> | PlaceholdersIn<Rest>
  : never;

export type ParamValue = string | number;

/** The parameters a message needs, by the `{name}` placeholders of its English text. */
export type ParamsOf<Key extends MessageKey> = Record<PlaceholdersIn<(typeof en)[Key]>, ParamValue>;

type ParamsArgument<Key extends MessageKey> = [PlaceholdersIn<(typeof en)[Key]>] extends [never]
  ? []
  : [params: ParamsOf<Key>];

/**
 * A message produced on the server and shown by the browser in the merchant's language: loaders
 * and actions return keys, never finished sentences, so one response serves every locale.
 */
export interface Message {
  key: MessageKey;
  params?: Record<string, ParamValue>;
}

/** Builds a Message with its parameters checked against the English text. */
export function message<Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): Message {
  const [values] = params;
  return values ? { key, params: values } : { key };
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(en, value);
}

/** `{name}`, or `{name:one|other}`: the word for one and the word for every other count. */
const PLACEHOLDER = /\{([A-Za-z0-9_]+)(?::([^{}]*))?\}/g;

/** The names of a text's placeholders (plural choices included), in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
}

/** The `one|other` forms of a text's plural choices, split (for checking catalogues). */
export function pluralChoicesOf(text: string): string[][] {
  return [...text.matchAll(PLACEHOLDER)].flatMap((match) => (match[2] === undefined ? [] : [match[2].split("|")]));
}

/**
 * Fills `{name}` placeholders (numbers formatted for the locale) and `{name:one|other}` plural
 * choices; a placeholder without a value stays visible.
 */
export function interpolate(locale: Locale, text: string, params: Record<string, ParamValue> = {}): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string, forms: string | undefined) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    if (forms !== undefined) return pluralForm(locale, value, forms);
    return typeof value === "number" ? new Intl.NumberFormat(INTL_TAGS[locale]).format(value) : value;
  });
}

export type Translate = <Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>) => string;

export interface Translator {
  locale: Locale;
  t: Translate;
  /** Renders a server-made Message. */
  render(message: Message): string;
}

export function createTranslator(locale: Locale): Translator {
  const dictionary = dictionaries[locale];
  const lookup = (key: MessageKey, params?: Record<string, ParamValue>) => interpolate(locale, dictionary[key], params);
  return {
    locale,
    t: (key, ...params) => lookup(key, params[0]),
    render: (entry) => lookup(entry.key, entry.params),
  };
}
