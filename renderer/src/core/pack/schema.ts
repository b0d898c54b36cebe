/**
 * Lectern pack format v1 — the one schema for the bundled course and for instructors' packs.
 *
 * A pack is a JSON document: metadata, chapters made of sections (Markdown bodies in a safe subset),
 * questions of seven types each tied to one section, and discussion prompts. The JSON Schema that
 * editors use (`content/schema/lectern-pack-v1.schema.json`) is generated from this file.
 */
import { z } from 'zod';

/** The value of the `format` field of every Lectern pack. */
export const PACK_FORMAT = 'lectern-pack';
/** The format version this build reads and writes. */
export const PACK_FORMAT_VERSION = 1;

/** Stable identifiers: letters, digits, `.`, `_`, `-`; 1–120 characters, starting with a letter or digit. */
export const idSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/,
    'must be 1–120 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A section of a chapter: the unit every question and discussion prompt points at. */
export const sectionSchema = z.strictObject({
  id: idSchema.describe('Unique across the whole pack; questions refer to it.'),
  title: text(300),
  body: z.string().max(200_000).describe('Markdown, safe subset: no raw HTML, no remote images.'),
});

export const chapterSchema = z.strictObject({
  id: idSchema,
  title: text(300),
  sections: z.array(sectionSchema).min(1, 'a chapter needs at least one section'),
});

const questionBase = {
  id: idSchema.describe('Stable across pack versions: progress is kept by this id.'),
  title: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(300, 'must be at most 300 characters')
    .optional()
    .describe("The question's name, as GIFT's ::name:: (kept for export; the prompt is what is asked)."),
  section: idSchema.describe('The id of the section this question tests.'),
  explanation: z.string().max(20_000).optional().describe('Shown after answering.'),
  hint: z.string().max(2_000).optional().describe('Revealing it turns a right answer into "Hard".'),
  tags: z.array(text(100)).max(50).optional(),
  evidence: z
    .string()
    .max(5_000)
    .optional()
    .describe('The exact words of the section that support the answer.'),
};

/** File names of the images a side of a flashcard shows (Lectern lists them until it can show images). */
const imageList = z
  .array(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'))
  .min(1, 'must list at least one image')
  .max(20)
  .optional();

export const flashcardSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('flashcard'),
    front: z
      .string()
      .trim()
      .max(20_000, 'must be at most 20000 characters')
      .describe('May be empty only when frontImages lists an image.'),
    back: z
      .string()
      .trim()
      .max(20_000, 'must be at most 20000 characters')
      .describe('May be empty, as an Anki note with an empty back.'),
    frontImages: imageList.describe('Images on the front, by file name (as an Anki field `<img src>`).'),
    backImages: imageList.describe('Images on the back, by file name.'),
  })
  .refine((q) => q.front !== '' || (q.frontImages?.length ?? 0) > 0, {
    path: ['front'],
    message: 'must not be empty unless frontImages lists an image',
  });

export const choiceSchema = z.strictObject({
  text: text(2_000),
  correct: z.boolean(),
  /** Partial credit in percent (-100..100), as Moodle's `%50%`; defaults to 100 for correct, 0 otherwise. */
  credit: z.number().min(-100).max(100).optional(),
  feedback: z.string().max(5_000).optional(),
});

export const multipleChoiceSchema = z.strictObject({
  ...questionBase,
  type: z.literal('multiple-choice'),
  prompt: text(20_000),
  choices: z.array(choiceSchema).min(2, 'needs at least 2 choices').max(26, 'at most 26 choices'),
  /** Keep the author's order instead of shuffling (e.g. "all of the above"). */
  fixedOrder: z.boolean().optional(),
});

export const trueFalseSchema = z.strictObject({
  ...questionBase,
  type: z.literal('true-false'),
  prompt: text(20_000),
  answer: z.boolean(),
  feedbackTrue: z.string().max(5_000).optional(),
  feedbackFalse: z.string().max(5_000).optional(),
});

/** A number the answer must match by value, e.g. `{ value: 1e9, tolerance: 0, unit: 'USD' }`. */
export const numericAnswerSchema = z.strictObject({
  value: z.number().finite(),
  tolerance: z.number().finite().min(0).default(0),
  unit: z.string().max(40).optional().describe('Display only, e.g. "USD" or "year".'),
});

/**
 * One graded answer of a typed question: a text (Moodle's `*` matches any characters) or a number,
 * with the credit it earns and the feedback shown when it is the one the student's answer matched.
 */
export const typedAnswerSchema = z
  .strictObject({
    text: text(1_000).optional().describe('The answer as text; "*" stands for any characters.'),
    numeric: numericAnswerSchema.optional(),
    credit: z.number().min(0).max(100).describe('Percent of the question earned, 0..100.'),
    feedback: z.string().max(5_000).optional(),
  })
  .refine((a) => (a.text === undefined) !== (a.numeric === undefined), {
    message: 'give either text or numeric',
  });

export const typedSchema = z.strictObject({
  ...questionBase,
  type: z.literal('typed'),
  prompt: text(20_000),
  accept: z.array(text(1_000)).describe('Accepted answers; the first is shown as the expected one.'),
  numeric: numericAnswerSchema.optional(),
  answers: z
    .array(typedAnswerSchema)
    .max(100)
    .optional()
    .describe(
      'Graded answers in order, as Moodle grades them: the first one the answer matches gives its credit and feedback. Tried before accept and numeric, which earn full credit.',
    ),
  otherFeedback: z.string().max(5_000).optional().describe('Shown when the answer matches none.'),
});

export const clozeSchema = z.strictObject({
  ...questionBase,
  type: z.literal('cloze'),
  text: text(20_000).describe(
    'Deletions as {{c1::answer}}, {{c1::answer|alternative}} or {{c1::answer::hint}}; a choice blank lists its options with the wrong ones marked "~": {{c1::~a|an|~the}}.',
  ),
});

export const matchingSchema = z.strictObject({
  ...questionBase,
  type: z.literal('matching'),
  prompt: text(20_000),
  pairs: z
    .array(z.strictObject({ left: text(2_000), right: text(2_000) }))
    .min(2, 'needs at least 2 pairs')
    .max(26, 'at most 26 pairs'),
  distractors: z
    .array(text(2_000))
    .max(26)
    .optional()
    .describe('Extra right-hand answers that match no left item (wrong matches to choose from).'),
});

export const orderingSchema = z.strictObject({
  ...questionBase,
  type: z.literal('ordering'),
  prompt: text(20_000),
  items: z
    .array(text(2_000))
    .min(2, 'needs at least 2 items')
    .max(26, 'at most 26 items')
    .describe('In the correct order.'),
});

export const questionSchema = z.discriminatedUnion('type', [
  flashcardSchema,
  multipleChoiceSchema,
  trueFalseSchema,
  typedSchema,
  clozeSchema,
  matchingSchema,
  orderingSchema,
]);

export const discussionSchema = z.strictObject({
  id: idSchema,
  prompt: text(5_000),
  points: z.array(text(5_000)).describe('Talking points.'),
  sections: z.array(idSchema).describe('The sections the prompt draws on.'),
  tags: z.array(text(100)).max(50).optional(),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  id: idSchema.describe('Stable pack id: re-importing a pack with the same id updates it.'),
  title: text(300),
  description: z.string().max(20_000).optional(),
  author: z.string().max(300).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "en-GB"'),
  license: z.string().max(300).optional(),
  version: z.string().min(1).max(50).describe('The pack author\'s version, e.g. "1.2.0".'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .optional(),
  chapters: z.array(chapterSchema),
  questions: z.array(questionSchema),
  discussions: z.array(discussionSchema).default([]),
});

export type Section = z.infer<typeof sectionSchema>;
export type Chapter = z.infer<typeof chapterSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type NumericAnswer = z.infer<typeof numericAnswerSchema>;
export type TypedAnswer = z.infer<typeof typedAnswerSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type Discussion = z.infer<typeof discussionSchema>;
export type Pack = z.infer<typeof packSchema>;
/** What an author writes: defaults (e.g. `tolerance`, `discussions`) may be left out. */
export type PackInput = z.input<typeof packSchema>;

/** Every question type, in the order the app presents them. */
export const QUESTION_TYPES: readonly QuestionType[] = [
  'flashcard',
  'multiple-choice',
  'true-false',
  'typed',
  'cloze',
  'matching',
  'ordering',
];
