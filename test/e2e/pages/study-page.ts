/**
 * The study screen, driven by the keyboard only: keys answer, submit and continue; `focus()` stands in
 * for Tab where a test needs a particular control (no clicks). Knows the bundled course's answers so
 * it can answer any of its questions right.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Question } from '../../../renderer/src/core/pack/schema';

const coursePath = fileURLToPath(new URL('../../../content/openai-microsoft.json', import.meta.url));

/** The bundled course's questions by id. */
export function loadCourseQuestions(): Map<string, Question> {
  const pack = JSON.parse(readFileSync(coursePath, 'utf8')) as { questions: Question[] };
  return new Map(pack.questions.map((q) => [q.id, q]));
}

export class StudyPage {
  readonly questions = loadCourseQuestions();

  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Study' });
  }

  card(): Locator {
    return this.page.locator('article.study-card');
  }

  progressLabel(): Locator {
    return this.page.locator('#study-progress-label');
  }

  left(): Locator {
    return this.page.locator('.study-progress__left');
  }

  message(): Locator {
    return this.page.locator('.study-message');
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: /Session complete|Session ended|Nothing to study/ });
  }

  /** A figure of the summary, e.g. `summaryValue('Answered')`. */
  summaryValue(label: string): Locator {
    return this.summary().locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
  }

  /** The reasons an empty session gives, each with its action. */
  emptyReasons(): Locator {
    return this.page.getByTestId('empty-reasons');
  }

  verdict(): Locator {
    return this.card().locator('#study-verdict');
  }

  flagButton(): Locator {
    return this.card().getByRole('button', { name: /^Flag/ });
  }

  answerField(): Locator {
    return this.card().locator('[data-answer-input="true"]');
  }

  waiting(): Locator {
    return this.page.getByRole('region', { name: 'Nothing else is due yet' });
  }

  /** Opens Study from the main navigation, by keyboard. */
  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Study' }).focus();
    await this.page.keyboard.press('Enter');
    await this.heading().waitFor();
  }

  /** Opens Study for one pack from its Library card, by keyboard. */
  async openFromLibrary(pack: Locator): Promise<void> {
    await pack.getByRole('button', { name: /^Study/ }).focus();
    await this.page.keyboard.press('Enter');
    await this.heading().waitFor();
  }

  /** The id of the question on screen (waits for a card). */
  async currentId(): Promise<string> {
    await this.card().waitFor();
    return (await this.card().getAttribute('data-question-id')) ?? '';
  }

  async phase(): Promise<string> {
    return (await this.card().getAttribute('data-phase')) ?? '';
  }

  /** Answers the question on screen right, by keyboard, and returns its id. Stops at the rating. */
  async answerRight(): Promise<Question> {
    const id = await this.currentId();
    const q = this.questions.get(id);
    if (!q) throw new Error(`unknown question ${id}`);
    await expect(this.card()).toHaveAttribute('data-phase', 'question');
    const kb = this.page.keyboard;
    switch (q.type) {
      case 'flashcard':
        await kb.press('Space');
        await expect(this.card()).toHaveAttribute('data-phase', 'revealed');
        return q;
      case 'multiple-choice': {
        const ids = await this.card()
          .locator('.choice input')
          .evaluateAll((els) => els.map((e) => e.id));
        for (const [position, elId] of ids.entries()) {
          const index = Number(elId.slice(elId.lastIndexOf('-') + 1));
          if (q.choices[index]?.correct)
            await kb.press(position < 9 ? String(position + 1) : ('ABCDEFGHIJKLMNOPQ'[position - 9] ?? ''));
        }
        await kb.press('Enter');
        break;
      }
      case 'true-false':
        await kb.press(q.answer ? 't' : 'f');
        await kb.press('Enter');
        break;
      case 'typed':
        await kb.type(q.accept[0] ?? String(q.numeric?.value ?? ''));
        await kb.press('Enter');
        break;
      case 'cloze': {
        const blanks = [...q.text.matchAll(/\{\{c\d+::([^}|:]*)/g)].map((m) => m[1] ?? '');
        for (const [i, answer] of blanks.entries()) {
          if (i > 0) await kb.press('Tab');
          await kb.type(answer);
        }
        await kb.press('Enter');
        break;
      }
      case 'matching': {
        const selects = this.card().locator('select');
        for (const [i, pair] of q.pairs.entries()) {
          await selects.nth(i).focus();
          const options = await selects.nth(i).locator('option').allTextContents();
          const steps = options.indexOf(pair.right) - options.indexOf(await selectedText(selects.nth(i)));
          for (let s = 0; s < steps; s++) await kb.press('ArrowDown');
          for (let s = 0; s > steps; s--) await kb.press('ArrowUp');
          expect(await selectedText(selects.nth(i))).toBe(pair.right);
        }
        await kb.press('Tab');
        await kb.press('Enter');
        break;
      }
      case 'ordering': {
        for (const [target, text] of q.items.entries()) {
          const rows = this.card().locator('.order-row');
          const texts = await rows.locator('.order-row__text').allTextContents();
          const from = texts.indexOf(text);
          if (from === target) continue;
          await rows.nth(from).locator('button:enabled').first().focus();
          for (let s = from; s > target; s--) await kb.press('Alt+ArrowUp');
        }
        await this.card()
          .getByRole('button', { name: /Check answer/ })
          .focus();
        await kb.press('Enter');
        break;
      }
    }
    await expect(this.card()).toHaveAttribute('data-phase', 'answered');
    return q;
  }

  /** Confirms the rating on screen with Enter (flashcards: Good) and waits for the next showing. */
  async continue(key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    const before = await this.card().getAttribute('data-showing');
    await this.page.keyboard.press(key);
    await expect(this.page.locator(`article.study-card[data-showing="${before}"]`)).toHaveCount(0);
  }

  /** Answers right and continues; returns the question answered. */
  async studyOne(key: 'Enter' | 'Space' = 'Enter'): Promise<Question> {
    const q = await this.answerRight();
    await this.continue(key);
    return q;
  }
}

async function selectedText(select: Locator): Promise<string> {
  return select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    return s.options[s.selectedIndex]?.text ?? '';
  });
}
