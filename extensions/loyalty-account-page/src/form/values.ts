import type {
  FieldErrorCode,
  Gender,
  JoinForm,
  JoinRequest,
  MemberConsents,
  MemberDetail,
  SegmentAnswer,
  SegmentField,
} from "@diller/storefront-contract";

/** What the form edits: flat strings for inputs, answers by segment id. */
export interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  phoneCountryCode: string;
  phoneNumber: string;
  birthDate: string;
  gender: Gender | "";
  street: string;
  city: string;
  zipCode: string;
  countryCode: string;
  segments: Record<string, SegmentAnswer>;
  consents: MemberConsents;
}

export type FieldErrors = Record<string, FieldErrorCode>;

const NO_CONSENTS: MemberConsents = {
  membership: false,
  marketingEmail: false,
  marketingSms: false,
  keepOrderHistory: true,
};

export function initialValues(form: JoinForm, member?: MemberDetail): FormValues {
  const profile = { ...form.prefill, ...member?.profile };
  const segments: Record<string, SegmentAnswer> = {};
  for (const answer of member?.segments ?? []) segments[answer.id] = answer;
  return {
    firstName: profile.firstName ?? "",
    lastName: profile.lastName ?? "",
    email: profile.email ?? "",
    phoneCountryCode: profile.phone?.countryCode ?? "+47",
    phoneNumber: profile.phone?.number ?? "",
    birthDate: profile.birthDate ?? "",
    gender: profile.gender ?? "",
    street: profile.address?.street ?? "",
    city: profile.address?.city ?? "",
    zipCode: profile.address?.zipCode ?? "",
    countryCode: profile.address?.countryCode ?? "",
    segments,
    consents: member?.consents ?? NO_CONSENTS,
  };
}

export function toRequest(values: FormValues, segmentFields: SegmentField[], textVersion: number): JoinRequest {
  const hasAddress = [values.street, values.city, values.zipCode, values.countryCode].some((part) => part.trim());
  return {
    profile: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      phone: values.phoneNumber.trim()
        ? { countryCode: values.phoneCountryCode.trim(), number: values.phoneNumber.replace(/[\s-]/g, "") }
        : null,
      birthDate: values.birthDate || null,
      gender: values.gender || null,
      address: hasAddress
        ? {
            street: values.street.trim(),
            city: values.city.trim(),
            zipCode: values.zipCode.trim(),
            countryCode: values.countryCode.trim(),
          }
        : null,
    },
    // Only the store's visible segments, and only answered ones.
    segments: segmentFields.flatMap((field) => {
      const answer = values.segments[field.id];
      return answer && isAnswered(answer) ? [answer] : [];
    }),
    consents: values.consents,
    textVersion,
  };
}

export function isAnswered(answer: SegmentAnswer): boolean {
  return Boolean(answer.value?.trim()) || (answer.optionIds?.length ?? 0) > 0;
}

/** Server field paths may be "profile.firstName" or "firstName"; the form keys them without the prefix. */
export function normaliseFieldErrors(fields: Record<string, FieldErrorCode> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, code] of Object.entries(fields ?? {})) errors[path.replace(/^profile\./, "")] = code;
  return errors;
}
