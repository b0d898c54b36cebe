/**
 * ui/: widgets and words shared by several screens: Markdown rendering, the confirmation dialog,
 * screen headings, "Read in context", counts in words and dates. No database, no operations: what
 * a widget shows comes in through its props.
 */
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { formatCount } from './count';
export { formatDateTime, formatFileTime, formatLocalDate } from './format';
export { containsPassage, findPassage, Markdown } from './Markdown';
export { type PassagePlace, ReadInContextButton } from './ReadInContext';
export { ScreenHeading } from './ScreenHeading';
