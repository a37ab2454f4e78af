import assert from 'node:assert/strict';
import { test } from 'node:test';
import { navigationFor } from './navigation.js';

test('the menu item for the page shown is current; its section is active on child pages', () => {
  const onPartners = navigationFor('/partners');
  assert.deepEqual(
    onPartners.filter((item) => item.current).map((item) => item.href),
    ['/partners'],
  );
  const onProgramme = navigationFor('/programmes/sarcopenia');
  assert.deepEqual(
    onProgramme.filter((item) => item.active).map((item) => item.href),
    ['/programmes'],
  );
  assert.equal(
    onProgramme.some((item) => item.current),
    false,
  );
  assert.equal(
    navigationFor('/').some((item) => item.current || item.active),
    false,
  );
});
