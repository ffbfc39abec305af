import { PDFDocument, StandardFonts } from 'pdf-lib';
import { api, FIXTURES, expect, test } from './helpers';
import { join } from 'node:path';

test.use({ viewport: { width: 1280, height: 900 } });

/** A real PDF whose pages differ: US Letter, then Letter turned to landscape, then A4, each with a line of text. */
async function mixedSizes(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [label, size] of [
    ['Portrait letter page', [612, 792]],
    ['Landscape table page', [792, 612]],
    ['An A4 page at the end', [595, 842]],
  ] as const) {
    const page = doc.addPage([...size]);
    page.drawText(label, { x: 72, y: size[1] - 100, size: 18, font });
  }
  return Buffer.from(await doc.save());
}

test.describe('a PDF whose pages differ in size', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('each page is laid out at its own size once the sizes are read; the zoom chosen is kept across a reload', async ({
    app,
    page,
  }) => {
    const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
    const paper = papers[0]!;
    const base64 = (await mixedSizes()).toString('base64');
    await api(app, 'attachments.add', { paperId: paper.id, base64, name: 'mixed.pdf' });

    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
    await page.getByRole('button', { name: 'Read PDF' }).click();
    const reader = page.getByRole('dialog', { name: /^Reader/ });
    await expect(reader.getByText('of 3')).toBeVisible();

    // The reader draws page 1 on a layout guessed from it, then lays each page out at its real size.
    const ratio = (n: number) =>
      reader.locator(`.pdf-page[data-page="${n}"]`).evaluate((el) => el.clientWidth / el.clientHeight);
    await expect.poll(() => ratio(2)).toBeCloseTo(792 / 612, 1);
    expect(await ratio(1)).toBeCloseTo(612 / 792, 1);
    expect(await ratio(3)).toBeCloseTo(595 / 842, 1);
    // Stacked without overlap, in order.
    const boxes = await reader
      .locator('.pdf-page')
      .evaluateAll((els) => els.map((el) => ({ top: (el as HTMLElement).offsetTop, height: el.clientHeight })));
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.top).toBeGreaterThan(boxes[i - 1]!.top + boxes[i - 1]!.height);
    // The landscape page's text is there to select.
    await expect(reader.locator('.pdf-page[data-page="2"] .textLayer')).toContainText('Landscape table page');

    // A zoom chosen for this PDF is the zoom it opens at next time, after a reload too.
    await reader.getByRole('combobox', { name: 'Zoom level' }).selectOption('2');
    const width = await reader.locator('.pdf-page[data-page="1"]').evaluate((el) => el.clientWidth);
    expect(width).toBe(Math.round(612 * 2));
    await page.keyboard.press('Escape');
    await expect(reader).toHaveCount(0);
    await page.reload();
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
    await page.getByRole('button', { name: /^(Read PDF|Continue reading)/ }).click();
    await expect(reader.getByRole('combobox', { name: 'Zoom level' })).toHaveValue('2');
    await expect
      .poll(() => reader.locator('.pdf-page[data-page="1"]').evaluate((el) => el.clientWidth))
      .toBe(Math.round(612 * 2));
  });
});

test.describe('attaching from the detail pane', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('a PDF dropped anywhere on the pane is attached; the abstract comes before the attach box until a PDF is there', async ({
    app,
    page,
  }) => {
    const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
    const paper = papers[0]!;
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
    const detail = page.getByRole('complementary', { name: 'Paper' });
    const top = async (locator: ReturnType<typeof detail.locator>) => (await locator.boundingBox())!.y;
    const abstract = detail.getByRole('heading', { name: 'Abstract' });
    const pdf = detail.getByRole('region', { name: 'PDF' });
    expect(await top(pdf)).toBeGreaterThan(await top(abstract));

    const data = await page.evaluateHandle(
      (b64) => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'mixed.pdf', { type: 'application/pdf' }),
        );
        return transfer;
      },
      (await mixedSizes()).toString('base64'),
    );
    const target = detail.locator('.abstract');
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await target.dispatchEvent('drop', { dataTransfer: data });
    await expect(page.locator('.reader-toast')).toContainText('Attached ‘mixed.pdf’ (3 pages)');
    await expect(detail.getByRole('button', { name: 'Read PDF' })).toBeVisible();
    expect(await top(pdf)).toBeLessThan(await top(abstract));
    // Not a PDF: the pane lets it go to the window, which previews it for import.
    const bib = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['@article{k, title={Dropped on the pane}, year=2020}'], 'one.bib', { type: 'text/x-bibtex' }),
      );
      return transfer;
    });
    await target.dispatchEvent('dragover', { dataTransfer: bib });
    await target.dispatchEvent('drop', { dataTransfer: bib });
    await expect(page.getByRole('dialog', { name: 'Import' })).toContainText('one.bib');
  });
});
