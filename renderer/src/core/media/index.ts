export { sha256Hex } from './hash';
export { type CheckedMedia, checkPackMedia, MAX_MEDIA_FILE_BYTES, MAX_PACK_MEDIA_BYTES } from './limits';
export { checkMediaRefs, collectMediaRefs, type MediaRef } from './refs';
export { AUDIO_TYPES, IMAGE_TYPES, isImageType, type MediaType, sniffMediaType } from './sniff';
