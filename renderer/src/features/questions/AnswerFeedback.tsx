/**
 * What the grader said, shown after submitting: right / partly right / wrong, what was given beside
 * what was expected (typos pointed out), feedback per choice, and the explanation.
 */
import type { ChoicePart, Grade, PairPart, PositionPart, TextPart } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import { Markdown } from '../../ui/Markdown';
import type { Arrangement } from './draft';

export interface AnswerFeedbackProps {
  question: Question;
  grade: Grade;
  arrangement: Arrangement;
  /** Id of the verdict heading (for focus or labelling). */
  headingId: string;
  /** The student said "I was right": the grade shown is the regraded one. */
  overridden?: boolean;
}

/** The verdict in words: "Correct", "Correct, with a typo", "Partly right (50%)", "Wrong". */
export function describeVerdict(grade: Grade): string {
  if (grade.correct) return grade.typo ? 'Correct, with a typo' : 'Correct';
  if (grade.partial) return `Partly right (${Math.round(grade.score * 100)}%)`;
  return 'Wrong';
}

function verdictClass(grade: Grade): string {
  if (grade.correct) return 'verdict verdict--right';
  return grade.partial ? 'verdict verdict--partial' : 'verdict verdict--wrong';
}

export function AnswerFeedback({
  question,
  grade,
  arrangement,
  headingId,
  overridden = false,
}: AnswerFeedbackProps) {
  const textParts = grade.parts.filter((p): p is TextPart => p.kind === 'text');
  const choiceParts = grade.parts.filter((p): p is ChoicePart => p.kind === 'choice');
  const pairParts = grade.parts.filter((p): p is PairPart => p.kind === 'pair');
  const positionParts = grade.parts.filter((p): p is PositionPart => p.kind === 'position');
  const boolPart = grade.parts.find((p) => p.kind === 'boolean');
  return (
    <section className="feedback" aria-labelledby={headingId}>
      <h2 id={headingId} className={verdictClass(grade)} tabIndex={-1}>
        <span aria-hidden="true">{grade.correct ? '✓ ' : grade.partial ? '◐ ' : '✗ '}</span>
        {overridden ? 'Counted as right: you said you were right' : describeVerdict(grade)}
      </h2>
      {textParts.length > 0 ? <TextTable parts={textParts} cloze={question.type === 'cloze'} /> : null}
      {choiceParts.length > 0 ? <ChoiceList parts={choiceParts} order={arrangement.choiceOrder} /> : null}
      {boolPart ? (
        <div className="feedback__detail">
          <p>
            You answered{' '}
            <strong>{boolPart.given === null ? 'nothing' : boolPart.given ? 'True' : 'False'}</strong>; the
            statement is <strong>{boolPart.expected ? 'true' : 'false'}</strong>.
          </p>
          {boolPart.feedback ? <p className="feedback__note">{boolPart.feedback}</p> : null}
        </div>
      ) : null}
      {pairParts.length > 0 ? <PairTable parts={pairParts} /> : null}
      {positionParts.length > 0 ? <PositionList parts={positionParts} expected={grade.expectedText} /> : null}
      {question.explanation ? (
        <div className="feedback__explanation">
          <h3>Explanation</h3>
          <Markdown source={question.explanation} />
        </div>
      ) : null}
    </section>
  );
}

function mark(correct: boolean): string {
  return correct ? '✓ right' : '✗ wrong';
}

/** "✓ right", "✗ wrong", "◐ 50% credit", or right with the spelling pointed out. */
function describeTextResult(p: TextPart): string {
  if (p.correct && p.typo) return `✓ right, with a typo: it is spelled “${p.expected}”`;
  if (!p.correct && p.credit !== undefined && p.credit > 0) return `◐ ${p.credit}% credit`;
  return mark(p.correct);
}

function TextTable({ parts, cloze }: { parts: TextPart[]; cloze: boolean }) {
  return (
    <table className="feedback__table">
      <thead>
        <tr>
          {cloze ? <th scope="col">Blank</th> : null}
          <th scope="col">You wrote</th>
          <th scope="col">Expected</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.index}>
            {cloze ? <td>{p.index + 1}</td> : null}
            <td className="feedback__given">{p.given === '' ? <em>(nothing)</em> : p.given}</td>
            <td>{p.expected}</td>
            <td className={p.correct ? 'good' : 'bad'}>
              {describeTextResult(p)}
              {p.feedback ? <span className="feedback__note">{p.feedback}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChoiceList({ parts, order }: { parts: ChoicePart[]; order: number[] }) {
  const byIndex = new Map(parts.map((p) => [p.index, p]));
  const shown = order.length === parts.length ? order : parts.map((p) => p.index);
  return (
    <ul className="feedback__choices">
      {shown.map((i) => {
        const p = byIndex.get(i);
        if (!p) return null;
        const status = p.isCorrect
          ? p.selected
            ? '✓ A right answer — you chose it'
            : '✗ A right answer — you missed it'
          : p.selected
            ? '✗ Not right — you chose it'
            : 'Not right — you left it';
        return (
          <li key={i} className={p.correct ? 'good' : 'bad'}>
            <span className="feedback__choice-text">{p.text}</span>
            <span className="feedback__status">{status}</span>
            {p.feedback && (p.selected || p.isCorrect) ? (
              <span className="feedback__note">{p.feedback}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function PairTable({ parts }: { parts: PairPart[] }) {
  return (
    <table className="feedback__table">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">You matched</th>
          <th scope="col">Right match</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.index}>
            <th scope="row">{p.left}</th>
            <td>{p.given ?? <em>(nothing)</em>}</td>
            <td>{p.expected}</td>
            <td className={p.correct ? 'good' : 'bad'}>{mark(p.correct)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PositionList({ parts, expected }: { parts: PositionPart[]; expected: string }) {
  return (
    <div className="feedback__detail">
      <p>Your order:</p>
      <ol className="feedback__order">
        {parts
          .filter((p) => p.position >= 0)
          .map((p) => (
            <li key={p.itemIndex} className={p.correct ? 'good' : 'bad'}>
              {p.item}{' '}
              <span className="feedback__status">
                {p.inPlace
                  ? '✓ in place'
                  : p.correct
                    ? '✓ in order'
                    : `✗ belongs at ${p.expectedPosition + 1}`}
              </span>
            </li>
          ))}
      </ol>
      <p>
        Right order: <span className="feedback__expected">{expected}</span>
      </p>
    </div>
  );
}
