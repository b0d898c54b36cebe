export { MAX_PACK_BYTES } from '../pack/validate';
export { readAiken } from './aiken/read-aiken';
export {
  checkPackSize,
  type DecodeResult,
  decodePackBytes,
  describeByteSize,
  normalizeNewlines,
} from './decode';
export { guessSeparator, readDelimited } from './delimited/read-delimited';
export { detectPackFormat, formatFromFileName, isAnkiPackage, type PackFormat } from './detect';
export { readCategoryTitle, readGift } from './gift/read-gift';
export { packToGift, questionToGift } from './gift/write-gift';
export { decodeEntities, htmlToText, toSafeMarkdownBody } from './html-text';
export { deriveId, packNameFromFile, slugify, toLecternId } from './ids';
export type { ReadOptions } from './read-options';
export { type ReadPackOptions, type ReadPackResult, readPackFile } from './read-pack-file';
