// The JSON shape of a due item: every item's keys in one order, whatever its kind, so a
// script (or a diff of two runs) sees one shape. Pure.
import type { DueItem } from '../../core/followup/index.js';

export function dueItemJson(i: DueItem) {
  return {
    kind: i.kind,
    due: i.due,
    overdue_days: i.overdue_days,
    title: i.title,
    detail: i.detail,
    owner: i.owner,
    conversation: i.conversation,
    contact: i.contact,
    org: i.org,
    deal: i.deal,
    promise: i.promise,
    uid: i.uid,
  };
}
