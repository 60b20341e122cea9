import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { widenNarrowCondition } from './widenNarrowCondition';

describe('widen / narrow condition', () => {
  it('adds another condition of the same function with or / and / and not (Python)', async () => {
    const source = 'def can_edit(doc, user):\n    locked = doc.state == "locked"\n    if doc.owner == user:\n        return True\n    if user.admin:\n        return True\n    return False\n';
    const conditions = (await patchedTexts(widenNarrowCondition, source, 'python')).map((t) => t.split('\n')[2]);
    expect(conditions).toContain('    if doc.owner == user and not locked:');
    expect(conditions).toContain('    if doc.owner == user or user.admin:');
    expect(conditions).toContain('    if doc.owner == user and user.admin:');
    expect(conditions).not.toContain('    if doc.owner == user or doc.owner == user:');
  });

  it('uses ||, && and && ! in JavaScript, with parentheses only where needed', async () => {
    const source = 'function ship(cart, member) {\n  if (cart.total >= 50 || cart.coupon) return 0;\n  if (member) return 1;\n  return 5;\n}\n';
    const conditions = (await patchedTexts(widenNarrowCondition, source, 'javascript')).map((t) => t.split('\n')[1]);
    expect(conditions).toContain('  if (cart.total >= 50 || cart.coupon || member) return 0;');
    expect(conditions).toContain('  if ((cart.total >= 50 || cart.coupon) && !member) return 0;');
    const second = (await patchedTexts(widenNarrowCondition, source, 'javascript')).map((t) => t.split('\n')[2]);
    expect(second).toContain('  if (member && !(cart.total >= 50)) return 1;');
  });
});
