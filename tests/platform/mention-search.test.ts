import { searchMentions } from '../../src/utils/mention-search';

const people = [
  { memberId: 'm1', name: '王建国' },
  { memberId: 'm2', name: '李娜' },
  { memberId: 'm3', name: '单雪' },
  { memberId: 'm4', name: '王娜' },
  { memberId: 'm5', name: 'Anna 陈' },
];
const names = (q: string) => searchMentions(people, q).map((p) => p.name);

test('an empty query lists everyone in the given order', () => {
  expect(names('')).toEqual(people.map((p) => p.name));
  expect(names('  ')).toHaveLength(5);
});

test('by part of the name, prefixes first', () => {
  expect(names('王')).toEqual(['王建国', '王娜']);
  expect(names('娜')).toEqual(['李娜', '王娜']);
});

test('by pinyin initials and full pinyin, case and spaces ignored', () => {
  expect(names('wjg')).toEqual(['王建国']);
  expect(names('WN')).toEqual(['王娜']);
  expect(names('w')).toEqual(['王建国', '王娜']);
  expect(names('lina')).toEqual(['李娜']);
  expect(names('li na')).toEqual(['李娜']);
});

test('surnames are read as surnames (单 = shan)', () => {
  expect(names('sx')).toEqual(['单雪']);
  expect(names('dx')).toEqual([]);
});

test('no match gives an empty list', () => {
  expect(names('zzz')).toEqual([]);
  expect(names('张')).toEqual([]);
});
