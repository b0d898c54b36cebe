/** Browse's search field and filters: pack, chapter, type, tag, state, due. */
import { useId } from 'react';
import {
  type BrowseFilter,
  chapterFilterKey,
  type DueFilter,
  EMPTY_FILTER,
  STATE_FILTERS,
  type StateFilter,
} from '../../core/browse';
import { QUESTION_TYPES, type QuestionType } from '../../core/pack/schema';
import type { BrowsePack } from '../../ops/browse';
import { DUE_WORDS, STATE_WORDS, TYPE_WORDS } from './words';

export interface BrowseFiltersProps {
  filter: BrowseFilter;
  packs: readonly BrowsePack[];
  tags: readonly string[];
  onChange: (filter: BrowseFilter) => void;
}

/** One chosen value as a filter list (the empty string: all). */
const one = <T extends string>(value: string): T[] => (value === '' ? [] : [value as T]);

function Choice(props: {
  label: string;
  value: string;
  allLabel: string;
  options: readonly { value: string; label: string; group?: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const optionsOf = (g: string) =>
    props.options
      .filter((o) => (o.group ?? '') === g)
      .map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ));
  return (
    <div className="browse-filter">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.allLabel}</option>
        {groups.map((g) =>
          g === '' ? (
            optionsOf(g)
          ) : (
            <optgroup key={g} label={g}>
              {optionsOf(g)}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}

export function BrowseFilters({ filter, packs, tags, onChange }: BrowseFiltersProps) {
  const searchId = useId();
  const patch = (p: Partial<BrowseFilter>) => onChange({ ...filter, ...p });
  const chapterPacks = filter.packIds.length > 0 ? packs.filter((p) => filter.packIds.includes(p.id)) : packs;
  const isEmpty = JSON.stringify(filter) === JSON.stringify(EMPTY_FILTER);
  return (
    <search className="browse-filters" aria-label="Find questions">
      <div className="browse-filter browse-filter--search">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={filter.text}
          placeholder="Words in the question, answer or tags"
          onChange={(e) => patch({ text: e.target.value })}
        />
      </div>
      <Choice
        label="Pack"
        allLabel="All packs"
        value={filter.packIds[0] ?? ''}
        options={packs.map((p) => ({ value: p.id, label: p.title }))}
        onChange={(v) => patch({ packIds: one(v), chapters: [] })}
      />
      <Choice
        label="Chapter"
        allLabel="All chapters"
        value={filter.chapters[0] ?? ''}
        options={chapterPacks.flatMap((p) =>
          p.chapters.map((c) => ({
            value: chapterFilterKey(p.id, c.id),
            label: c.title,
            ...(chapterPacks.length > 1 ? { group: p.title } : {}),
          })),
        )}
        onChange={(v) => patch({ chapters: one(v) })}
      />
      <Choice
        label="Type"
        allLabel="All types"
        value={filter.types[0] ?? ''}
        options={QUESTION_TYPES.map((t) => ({ value: t, label: TYPE_WORDS[t] }))}
        onChange={(v) => patch({ types: one<QuestionType>(v) })}
      />
      <Choice
        label="Tag"
        allLabel="Any tag"
        value={filter.tags[0] ?? ''}
        options={tags.map((t) => ({ value: t, label: t }))}
        onChange={(v) => patch({ tags: one(v) })}
      />
      <Choice
        label="State"
        allLabel="Any state"
        value={filter.states[0] ?? ''}
        options={STATE_FILTERS.map((s) => ({ value: s, label: STATE_WORDS[s] }))}
        onChange={(v) => patch({ states: one<StateFilter>(v) })}
      />
      <Choice
        label="Due"
        allLabel={DUE_WORDS.any}
        value={filter.due === 'any' ? '' : filter.due}
        options={(['today', 'week', 'unscheduled'] as const).map((d) => ({ value: d, label: DUE_WORDS[d] }))}
        onChange={(v) => patch({ due: (v || 'any') as DueFilter })}
      />
      <button
        type="button"
        className="secondary browse-clear"
        disabled={isEmpty}
        onClick={() => onChange(EMPTY_FILTER)}
      >
        Clear filters
      </button>
    </search>
  );
}
