#!/usr/bin/env python3
"""Held-back set 3 of wirewatch-dev: rebuild the sentences from their public source.

The sentences are the first three sentences of English Wikinews articles of 2019 and 2020 (CC BY 2.5), as scraped
in github.com/vanatteveldt/wikinews (commit 347254178bf343f3801aac1d03c41cc09c35decb, files
data/wikinews_2019.csv and data/wikinews_2020.csv). This repository keeps only the labels and the SHA-256 of each
sentence (labels-heldout3.jsonl); this script puts the texts back.

    git clone https://github.com/vanatteveldt/wikinews && git -C wikinews checkout 347254178bf3
    python3 heldout3.py rebuild wikinews labels-heldout3.jsonl heldout3.json   # the PLOVER GSR file, checked by hash
    python3 heldout3.py pool wikinews pool.json                               # the whole shuffled candidate pool

`pool` is the drawing step as it was run: every article's first three sentences, in file order, and their order
after one shuffle with random.Random(SEED). `rebuild` finds each labelled sentence by its article URL and sentence
index, refuses any whose SHA-256 differs from the label's (the source changed, or the splitter did), and restores
each actor's words from its character span.

Do not score a coder on the rebuilt file while developing it: it is scored once, at the end (README.md).
"""
import csv
import hashlib
import json
import random
import re
import sys
import unicodedata

SEED = 202612033
SOURCE_REPO = 'https://github.com/vanatteveldt/wikinews'
SOURCE_COMMIT = '347254178bf343f3801aac1d03c41cc09c35decb'
YEARS = (2019, 2020)
SENTENCES_PER_ARTICLE = 3
OUTLET = 'Wikinews'
LICENCE = 'CC BY 2.5 (Wikinews contributors; attribution: the article at url)'

# A full stop after these words does not end a sentence ("U.S.", "Mr.", "Kft.", "Roe v. Wade").
ABBREVIATIONS = {'U.S', 'U.K', 'U.N', 'U.S.A', 'E.U', 'Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Gen', 'Lt', 'Col',
                 'Sgt', 'Capt', 'Gov', 'Sen', 'Rep', 'Rev', 'Prof', 'No', 'Inc', 'Co', 'Corp', 'Ltd', 'vs', 'Jan',
                 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'Kft', 'v',
                 'approx', 'est', 'a.m', 'p.m'}
DATE_LINE = re.compile(r'^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$')
BOUNDARY = re.compile(r'([.!?]["”’)]*)\s+(?=["“‘(]?[A-Z0-9])')


def clean(text):
    text = unicodedata.normalize('NFC', text).replace('\xa0', ' ')
    return re.sub(r'\s+', ' ', text).strip()


def sentences(paragraph):
    out, start = [], 0
    for m in BOUNDARY.finditer(paragraph):
        before = paragraph[start:m.start() + 1].rstrip('"”’)')
        last = re.search(r'(\S+)[.!?]$', before)
        word = last.group(1) if last else ''
        if m.group(1).startswith('.') and (word in ABBREVIATIONS or re.fullmatch(r'[A-Z]', word or '-')
                                           or re.fullmatch(r'(?:[A-Za-z]\.)+[A-Za-z]', word)):
            continue
        out.append(paragraph[start:m.end(1)].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def first_sentences(article_text):
    paragraphs = [clean(p) for p in re.split(r'\n\s*\n', article_text)]
    paragraphs = [p for p in paragraphs if p and not DATE_LINE.match(p)]
    return [s for p in paragraphs for s in sentences(p)][:SENTENCES_PER_ARTICLE]


def article_url(scraped_url):
    if '/wiki/' not in scraped_url:
        raise ValueError(f'not a Wikinews article URL: {scraped_url!r}')
    return 'https://en.wikinews.org/wiki/' + scraped_url.split('/wiki/', 1)[1]


def build_pool(source_dir):
    """Every article's first three sentences in file order, and the shuffled reading order."""
    csv.field_size_limit(10 ** 8)
    pool = []
    for year in YEARS:
        path = f'{source_dir}/data/wikinews_{year}.csv'
        with open(path, encoding='utf-8', newline='') as f:
            for row in csv.DictReader(f):
                for i, text in enumerate(first_sentences(row['text'])):
                    pool.append({'url': article_url(row['url']), 'date': row['date'][:10], 'title': clean(row['title']),
                                 'categoryYear': year, 'sentIndex': i, 'text': text})
    order = list(range(len(pool)))
    random.Random(SEED).shuffle(order)
    return pool, order


def sha256(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def actors(spans, text, where):
    out = []
    for a in spans:
        words = text[a['start']:a['end']] if a.get('start') is not None else ''
        if a.get('start') is not None and not words:
            raise ValueError(f'{where}: empty actor span {a}')
        rec = {'actorText': words}
        rec.update({k: a[k] for k in ('code', 'sector', 'org') if a.get(k)})
        out.append(rec)
    return out


def rebuild(source_dir, labels_path):
    pool, _ = build_pool(source_dir)
    by_key = {(p['url'], p['sentIndex']): p for p in pool}
    records = []
    with open(labels_path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            lab = json.loads(line)
            where = f'{labels_path}:{n} ({lab["id"]})'
            p = by_key.get((lab['url'], lab['sentIndex']))
            if p is None:
                raise ValueError(f'{where}: no sentence {lab["sentIndex"]} of {lab["url"]} in {source_dir}')
            if sha256(p['text']) != lab['textSha256']:
                raise ValueError(f'{where}: the sentence found at {lab["url"]} #{lab["sentIndex"]} has another '
                                 f'SHA-256 than the label ({sha256(p["text"])} != {lab["textSha256"]})')
            rec = {'id': lab['id'], 'date': lab['date'], 'event': lab['event'], 'text': p['text'],
                   'source': actors(lab['sourceActors'], p['text'], where),
                   'target': actors(lab['targetActors'], p['text'], where),
                   'modality': lab['modality'], 'context': lab['context'], 'note': lab['note'],
                   'region': lab['region'], 'document': lab['url'], 'url': lab['url'], 'outlet': lab['outlet'],
                   'citedSources': [], 'licence': lab['licence'], 'language': 'en', 'coder': lab['coder'],
                   'dateCoded': lab['dateCoded'], 'draw': lab['draw'], 'drawPosition': lab['drawPosition'],
                   'poolIndex': lab['poolIndex'], 'sentIndex': lab['sentIndex']}
            if 'topUpFor' in lab:
                rec['topUpFor'] = lab['topUpFor']
            records.append(rec)
    return records


def main(argv):
    if len(argv) == 3 and argv[0] == 'pool':
        pool, order = build_pool(argv[1])
        with open(argv[2], 'w', encoding='utf-8') as out:
            json.dump({'seed': SEED, 'sourceRepo': SOURCE_REPO, 'sourceCommit': SOURCE_COMMIT, 'pool': pool,
                       'order': order}, out, ensure_ascii=False, indent=0)
        print(f'{len({p["url"] for p in pool})} articles, {len(pool)} sentences -> {argv[2]}')
    elif len(argv) == 4 and argv[0] == 'rebuild':
        records = rebuild(argv[1], argv[2])
        with open(argv[3], 'w', encoding='utf-8') as out:
            json.dump(records, out, ensure_ascii=False, indent=1)
        print(f'{len(records)} records, every sentence matched by SHA-256 -> {argv[3]}')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
