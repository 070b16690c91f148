#!/usr/bin/env python3
"""names-dev: a small hand-annotated check of the name finder on wire-style text unlike CoNLL-2003.

The sentences come from English Wikinews articles of 2019 and 2020 (CC BY 2.5, Wikinews contributors), as scraped in
github.com/vanatteveldt/wikinews (commit 347254178bf343f3801aac1d03c41cc09c35decb, data/wikinews_2019.csv and
data/wikinews_2020.csv). Only labels are committed (labels.jsonl: article URL, sentence index, SHA-256 of the
sentence, and each name as character offsets and a CoNLL type); this script puts the texts back.

    git clone https://github.com/vanatteveldt/wikinews && git -C wikinews checkout 347254178bf3
    python3 namesdev.py select wikinews EXCLUDE_URLS.txt selection.json  # the drawing step, as it was run
    python3 namesdev.py label selection.json annotations.txt labels.jsonl # hand-written names -> character offsets
    python3 namesdev.py rebuild wikinews labels.jsonl names-dev.conll     # CoNLL file, each sentence checked by hash

EXCLUDE_URLS.txt lists the article URLs of held-back set 3 (eval/wirewatch-dev/labels-heldout3.jsonl), one a line:
those articles are the event coder's and are not drawn here. `rebuild` writes one token a line with its IOB2 tag,
a blank line between sentences and a -DOCSTART- line before each article, which `./wirewatch eval ner --conll` reads.
"""
import csv
import hashlib
import json
import random
import re
import sys
import unicodedata

SEED = 20261204
ARTICLES = 20
SENTENCES_PER_ARTICLE = 4
YEARS = (2019, 2020)
NOT_A_STOP = {'U.S', 'U.K', 'U.N', 'Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Gov',
              'Sen', 'Rep', 'Rev', 'Prof', 'No', 'Inc', 'Co', 'Corp', 'Ltd', 'vs', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
              'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'v', 'a.m', 'p.m'}
# Wikinews' own maintenance notices, not news: dropped before sentences are counted.
NOTICE = re.compile(r'pre-publication review|Article last amended|talk page history|This is a test page')
DAY_LINE = re.compile(r'^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$')
STOP = re.compile(r'[.!?]["”’)]*\s+(?=["“‘(]?[A-Z0-9])')
TOKEN = re.compile(r"""(?:[A-Za-z]\.){2,}            # U.S., U.N.
                     | [A-Z]\.(?=\s[A-Z])             # an initial: John R. Bolton
                     | \d+(?:[.,:]\d+)*%?            # 1,200  3.5  10:30  95%
                     | [^\W\d_](?:[\w&'’.-]*\w)?     # words, with inner hyphens, apostrophes, full stops
                     | \S""", re.X)
POSSESSIVE = re.compile(r"(.+)(['’]s)$", re.I)


def clean(text):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', text).replace('\xa0', ' ')).strip()


def split(paragraph):
    out, start = [], 0
    for m in STOP.finditer(paragraph):
        word = paragraph[start:m.start()].rsplit(' ', 1)[-1]
        if paragraph[m.start()] == '.' and (word in NOT_A_STOP or re.fullmatch(r'[A-Z]', word)):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


def article_sentences(text):
    paragraphs = [clean(p) for p in re.split(r'\n\s*\n', text)]
    return [s for p in paragraphs if p and not DAY_LINE.match(p) for s in split(p) if not NOTICE.search(s)]


def articles(source_dir):
    csv.field_size_limit(10 ** 8)
    for year in YEARS:
        with open(f'{source_dir}/data/wikinews_{year}.csv', encoding='utf-8', newline='') as f:
            for row in csv.DictReader(f):
                url = 'https://en.wikinews.org/wiki/' + row['url'].split('/wiki/', 1)[1]
                yield url, row['date'][:10], article_sentences(row['text'])


def sha256(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def tokens(text):
    """CoNLL-style tokens with their character offsets: punctuation apart, a possessive 's split off."""
    out = []
    for m in TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if len(word) > 1 and word.endswith('.') and not re.fullmatch(r'(?:[A-Za-z]\.)+', word) and word[:-1] not in NOT_A_STOP:
            out += [(word[:-1], start), ('.', m.end() - 1)]
            continue
        p = POSSESSIVE.fullmatch(word)
        if p:
            out += [(p.group(1), start), (p.group(2), start + len(p.group(1)))]
            continue
        out.append((word, start))
    return out


def select(source_dir, exclude_path):
    excluded = {line.strip() for line in open(exclude_path, encoding='utf-8') if line.strip()}
    candidates = [a for a in articles(source_dir) if a[0] not in excluded and 'TEST_PAGE' not in a[0]
                  and len(a[2]) >= SENTENCES_PER_ARTICLE]
    chosen = sorted(random.Random(SEED).sample(candidates, ARTICLES), key=lambda a: (a[1], a[0]))
    return [{'url': url, 'date': date, 'sentIndex': i, 'text': s, 'textSha256': sha256(s)}
            for url, date, sents in chosen for i, s in enumerate(sents[:SENTENCES_PER_ARTICLE])]


def label(selection_path, annotations_path):
    """Turns the annotator's notes (INDEX<TAB>SURFACE=TYPE|..., repeated surfaces found left to right) into offsets."""
    chosen = json.load(open(selection_path, encoding='utf-8'))
    names = {}
    for n, line in enumerate(open(annotations_path, encoding='utf-8'), 1):
        if not line.strip() or line.startswith('#'):
            continue
        index, spec = line.rstrip('\n').split('\t')
        text, at, found = chosen[int(index)]['text'], 0, []
        for item in spec.split('|'):
            surface, kind = item.rsplit('=', 1)
            if kind not in ('PER', 'LOC', 'ORG', 'MISC'):
                raise ValueError(f'{annotations_path}:{n}: type {kind!r} is not PER, LOC, ORG or MISC')
            start = text.find(surface, at)
            if start < 0:
                raise ValueError(f'{annotations_path}:{n}: {surface!r} not found after offset {at} in {text!r}')
            found.append({'start': start, 'end': start + len(surface), 'type': kind})
            at = start + len(surface)
        names[int(index)] = sorted(found, key=lambda f: f['start'])
    return [{'id': f'NAMES-DEV-{c["date"]}-{i:03d}', 'url': c['url'], 'date': c['date'], 'sentIndex': c['sentIndex'],
             'licence': 'CC BY 2.5 (Wikinews contributors; attribution: the article at url)',
             'textSha256': c['textSha256'], 'names': names.get(i, [])} for i, c in enumerate(chosen)]


def rebuild(source_dir, labels_path):
    by_key = {(url, i): s for url, _, sents in articles(source_dir) for i, s in enumerate(sents)}
    lines, last_url = [], None
    with open(labels_path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            lab = json.loads(line)
            where = f'{labels_path}:{n}'
            text = by_key.get((lab['url'], lab['sentIndex']))
            if text is None:
                raise ValueError(f'{where}: no sentence {lab["sentIndex"]} of {lab["url"]} in {source_dir}')
            if sha256(text) != lab['textSha256']:
                raise ValueError(f'{where}: sentence {lab["sentIndex"]} of {lab["url"]} has another SHA-256 than '
                                 f'the label ({sha256(text)} != {lab["textSha256"]})')
            if lab['url'] != last_url:
                lines += ['-DOCSTART- O', '']
                last_url = lab['url']
            toks = tokens(text)
            tags = ['O'] * len(toks)
            for name in lab['names']:
                inside = [k for k, (w, s) in enumerate(toks) if s >= name['start'] and s + len(w) <= name['end']]
                if not inside or toks[inside[0]][1] != name['start'] or \
                        toks[inside[-1]][1] + len(toks[inside[-1]][0]) != name['end']:
                    raise ValueError(f'{where}: name at {name["start"]}-{name["end"]} ({text[name["start"]:name["end"]]!r})'
                                     f' does not fall on token boundaries')
                for j, k in enumerate(inside):
                    tags[k] = ('B-' if j == 0 else 'I-') + name['type']
            lines += [f'{w} {t}' for (w, _), t in zip(toks, tags)] + ['']
    return lines


def main(argv):
    if len(argv) == 4 and argv[0] == 'select':
        chosen = select(argv[1], argv[2])
        with open(argv[3], 'w', encoding='utf-8') as out:
            json.dump(chosen, out, ensure_ascii=False, indent=1)
        print(f'{len({c["url"] for c in chosen})} articles, {len(chosen)} sentences -> {argv[3]}')
    elif len(argv) == 4 and argv[0] == 'label':
        labels = label(argv[1], argv[2])
        with open(argv[3], 'w', encoding='utf-8') as out:
            out.writelines(json.dumps(lab, ensure_ascii=False) + '\n' for lab in labels)
        print(f'{len(labels)} sentences, {sum(len(lab["names"]) for lab in labels)} names -> {argv[3]}')
    elif len(argv) == 4 and argv[0] == 'rebuild':
        lines = rebuild(argv[1], argv[2])
        with open(argv[3], 'w', encoding='utf-8') as out:
            out.write('\n'.join(lines) + '\n')
        print(f'{sum(1 for l in lines if l == "") - lines.count("-DOCSTART- O")} sentences -> {argv[3]}')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
