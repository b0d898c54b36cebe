/** Exam mode: a button per question, marked answered or not, to jump straight to it. */
import type { SelfTestState } from '../../core/selftest';

export function QuestionNavigator({
  state,
  current,
  onGo,
}: {
  state: SelfTestState;
  current: number;
  onGo: (index: number) => void;
}) {
  return (
    <nav className="question-nav" aria-label="Questions of the test">
      <ol>
        {state.questions.map((q, i) => {
          const answered = state.answers[i] !== null;
          return (
            <li key={q.key}>
              <button
                type="button"
                className={
                  answered ? 'question-nav__item question-nav__item--answered' : 'question-nav__item'
                }
                aria-current={i === current ? 'step' : undefined}
                aria-label={`Question ${i + 1}, ${answered ? 'answered' : 'not answered'}`}
                onClick={() => onGo(i)}
              >
                {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
