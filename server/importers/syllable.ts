/**
 * The Vietnamese syllable, as the orthography writes it: (onset) + rhyme + at most one tone mark.
 * Onsets: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none.
 * Rhymes: an optional medial (o before a ă e, u before â ê y ơ), a nucleus (a ă â e ê i/y o ô ơ u ư and the
 * diphthongs iê/yê/ia/ya, uô/ua, ươ/ưa) and an optional coda (c ch m n ng nh p t, or the glides i/y o u).
 * Spelling rules: k, gh, ngh before e ê i (y); c, g, ng elsewhere; q only as "qu"; "gi" swallows the i of iê.
 * Tones: stop codas (c ch p t) take only sắc or nặng. Pure, no I/O; used to decide what damaged text can be.
 */

/** Tone marks as NFD combining characters, by name. */
const TONE_MARKS: Record<string, Tone> = { '\u0300': 'huyen', '\u0301': 'sac', '\u0303': 'nga', '\u0309': 'hoi', '\u0323': 'nang' };
export type Tone = 'ngang' | 'huyen' | 'sac' | 'nga' | 'hoi' | 'nang';

const words = (list: string) => list.trim().split(/\s+/);

/** Rhymes without a medial. */
const PLAIN_RHYMES = words(`
  a ac ach ai am an ang anh ao ap at au ay
  ăc ăm ăn ăng ăp ăt
  âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et
  ê êch êm ên ênh êp êt êu
  i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
  o oc oi om on ong op ot ooc oong
  ô ôc ôi ôm ôn ông ôp ôt
  ơ ơi ơm ơn ơp ơt
  u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
  ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
  y yêm yên yêt yêu
`);

/** Rhymes with a medial o or u ("hoa", "khoe", "huân", "thuế", "tuy", "thuở", "khuya", "chuyên"). */
const MEDIAL_RHYMES = words(`
  oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
  uân uâng uât uây uê uêch uênh uy uya uych uyn uynh uyp uyt uyu uyên uyêt uơ
`);

/** After "qu" the u is the medial: "qua", "quân", "quê", "quy", "quyết", "quốc", "quơ". */
const QU_RESTS = words(`
  a ac ach ai an ang anh ao at au ay ăc ăm ăn ăng ăt ân âng ât ây
  e en eo et ê êch ên ênh êt i y ych yn ynh yt yu yên yêt ơ ơi ôc
`);

/** After "gi" the i of iê is not written again: "giêng", "giết", "giếng", "giềng". */
const GI_IE_RESTS = words('êc êm ên êng êp êt êu');

const ONSETS = words('ngh ng gh gi ch kh nh ph th tr qu b c d đ g h k l m n p r s t v x');

const RHYMES = new Set([...PLAIN_RHYMES, ...MEDIAL_RHYMES]);
const MEDIALS = new Set(MEDIAL_RHYMES);
const QU = new Set(QU_RESTS);
const GI_IE = new Set(GI_IE_RESTS);
const STOP_CODA = /(?:c|ch|p|t)$/;
/** Front vowels: k, gh, ngh before them; c, g, ng never. */
const FRONT = /^[eêiy]/;
/** Onsets that take no medial o/u (labials, and the spellings that have their own way to write it). */
const NO_MEDIAL = new Set(['b', 'm', 'p', 'ph', 'v', 'c', 'k', 'gh', 'ngh', 'gi', 'r']);
/** The lone rhyme "y" follows only these ("ý", "hy", "kỳ", "lý", "mỹ", "sỹ", "tỷ", "vy", "dy"). */
const LONE_Y = new Set(['', 'h', 'k', 'l', 'm', 's', 't', 'v', 'd']);

export interface SyllableParts {
  onset: string;
  rhyme: string;
  tone: Tone;
}

const charParts = new Map<string, { base: string; tone: Tone | null }>();

/** A letter without its tone mark, and the mark (null for none); memoised, as every syllable check needs it. */
function letterParts(ch: string): { base: string; tone: Tone | null } {
  let parts = charParts.get(ch);
  if (!parts) {
    let base = '';
    let tone: Tone | null = null;
    for (const part of ch.normalize('NFD')) {
      const mark = TONE_MARKS[part];
      if (mark) tone = mark;
      else base += part;
    }
    parts = { base: base.normalize('NFC'), tone };
    if (charParts.size < 4096) charParts.set(ch, parts);
  }
  return parts;
}

/** Letters without their tone mark (lower case), and the tone; null when there is more than one tone mark. */
export function splitTone(word: string): { bare: string; tone: Tone; toneAt: number } | null {
  let bare = '';
  let tone: Tone = 'ngang';
  let toneAt = -1;
  let index = 0;
  for (const ch of word.toLowerCase()) {
    const parts = letterParts(ch);
    if (parts.tone) {
      if (toneAt >= 0) return null;
      tone = parts.tone;
      toneAt = index;
    }
    bare += parts.base;
    index++;
  }
  return { bare, tone, toneAt };
}

/** Splits a word into onset, rhyme and tone when it is one Vietnamese syllable; null when it is not. */
export function parseSyllable(word: string, anyTone = false): SyllableParts | null {
  if (!word || word.length > 8) return null;
  const split = splitTone(word);
  if (!split) return null;
  const { bare, tone, toneAt } = split;
  if (!/^[a-zăâđêôơư]+$/.test(bare)) return null;
  for (const onset of ['', ...ONSETS]) {
    if (!bare.startsWith(onset)) continue;
    const rhyme = bare.slice(onset.length);
    if (!rhyme || !validRhyme(onset, rhyme)) continue;
    // The tone sits on a vowel of the rhyme, never on the u of "qu" or the i of "gi".
    if (toneAt >= 0 && toneAt < onset.length) continue;
    if (!anyTone && STOP_CODA.test(rhyme) && tone !== 'sac' && tone !== 'nang') continue;
    return { onset, rhyme, tone };
  }
  // "gì", "gìn": the i of "gi" is also the rhyme's.
  if (/^gi(?:n)?$/.test(bare) && toneAt !== 0) return { onset: 'gi', rhyme: bare.slice(1), tone };
  return null;
}

function validRhyme(onset: string, rhyme: string): boolean {
  if (onset === 'qu') return QU.has(rhyme);
  if (onset === 'gi') return (RHYMES.has(rhyme) && !/^[iy]/.test(rhyme)) || GI_IE.has(rhyme);
  if (!RHYMES.has(rhyme)) return false;
  if (MEDIALS.has(rhyme) && NO_MEDIAL.has(onset)) return false;
  if (rhyme === 'y') return LONE_Y.has(onset);
  if (rhyme.startsWith('yê')) return onset === '';
  if (rhyme.startsWith('iê') && onset === '') return false;
  const front = FRONT.test(rhyme);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !front;
  return true;
}

/** True when the word's letters make a syllable with some tone ("cac" → "các"): the shape without the tone rules. */
export function isSyllableShape(word: string): boolean {
  return parseSyllable(word, true) !== null;
}

/** True when the word (any case, NFC) is one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  return parseSyllable(word) !== null;
}
