import { insightRank, insightSimilar } from './insight';
import { rulesAdd, rulesList, rulesRemove } from './rules';
import { attachmentsAdd, attachmentsRead, attachmentsRemove, attachmentsRestore, attachmentsText } from './attachments';
import { papersSetProgress } from './progress';
import { annotationsAdd, annotationsRemove, annotationsRestore, annotationsUpdate } from './annotations';
import { libraryBackups, libraryRestoreBackup, libraryStatus } from './library-backups';
import { libraryExport } from './library-export';
import { libraryImport } from './library-import';
import { libraryCancelPreview, libraryPreviewImport } from './library-preview';
import { notesSave } from './notes';
import { papersPosition } from './papers-position';
import {
  papersAdd,
  papersGet,
  papersIds,
  papersList,
  papersRemove,
  papersResolve,
  papersRows,
  papersRowsOf,
  papersUpdate,
} from './papers';
import { papersReorder, papersSetStatus } from './queue';
import { statsGet } from './stats';
import { syncNow, syncSetup, syncStatusCommand } from './sync';
import { tagsList, tagsRename, tagsSet } from './tags';

/** The command table: every host (IPC, HTTP, CLI) and the renderer's client derive from it. */
export const commands = {
  'papers.list': papersList,
  'papers.rows': papersRows,
  'papers.rowsOf': papersRowsOf,
  'papers.ids': papersIds,
  'papers.position': papersPosition,
  'papers.get': papersGet,
  'papers.resolve': papersResolve,
  'papers.add': papersAdd,
  'papers.update': papersUpdate,
  'papers.setStatus': papersSetStatus,
  'papers.remove': papersRemove,
  'papers.reorder': papersReorder,
  'papers.setProgress': papersSetProgress,
  'notes.save': notesSave,
  'annotations.add': annotationsAdd,
  'annotations.update': annotationsUpdate,
  'annotations.remove': annotationsRemove,
  'annotations.restore': annotationsRestore,
  'attachments.add': attachmentsAdd,
  'attachments.remove': attachmentsRemove,
  'attachments.read': attachmentsRead,
  'attachments.text': attachmentsText,
  'attachments.restore': attachmentsRestore,
  'tags.set': tagsSet,
  'tags.rename': tagsRename,
  'tags.list': tagsList,
  'library.import': libraryImport,
  'library.previewImport': libraryPreviewImport,
  'library.cancelPreview': libraryCancelPreview,
  'library.export': libraryExport,
  'library.status': libraryStatus,
  'library.backups': libraryBackups,
  'library.restoreBackup': libraryRestoreBackup,
  'stats.get': statsGet,
  'insight.rank': insightRank,
  'insight.similar': insightSimilar,
  'rules.list': rulesList,
  'rules.add': rulesAdd,
  'rules.remove': rulesRemove,
  'sync.status': syncStatusCommand,
  'sync.now': syncNow,
  'sync.setup': syncSetup,
};
