#!/usr/bin/env python3
"""Set 4 of wirewatch-dev: U.S. Department of State press releases; rebuild the sentences from their public source.

The sentences are the first four sentences of press releases of the U.S. Department of State (works of the U.S.
federal government, in the public domain in the United States, 17 U.S.C. 105), as archived from the Department's
press-release RSS feed (https://www.state.gov/rss-feed/press-releases/feed/) in the history of `data.rss` of
github.com/markschaver/State-Department-PR, from its first commit (2021-05-23) to commit
cd530c3f052fb81ae5ecc187d0c335100d3de922 (2022-08-03). This repository keeps only the labels and the SHA-256 of each
sentence (labels-set4.jsonl); this script puts the texts back.

    git clone https://github.com/markschaver/State-Department-PR && git -C State-Department-PR checkout cd530c3f052f
    python3 set4.py rebuild State-Department-PR labels-set4.jsonl dev set4-dev.json      # the PLOVER GSR file
    python3 set4.py rebuild State-Department-PR labels-set4.jsonl heldout heldout4.json  # scored once, at the end
    python3 set4.py pool State-Department-PR pool.json    # every release, the split and both shuffled pools

`pool` is the drawing step as it was run:
- every release the feed showed, read from the first snapshot of data.rss that holds it (as news arrived), keyed by
  the feed's guid (the page id, stable when the title and URL change);
- its text: the HTML body cut into blocks (paragraphs, list items, headings), blocks that are not sentences
  dropped (the author line; a block of at most 12 words that does not end like a sentence, or of at most 4 words),
  and the first four sentences kept;
- the split, fixed before annotation: a release is held back when int(sha256(guid), 16) % 2 == 0, else dev;
- excluded before drawing: releases published in 2022 whose title or first four sentences name Russia, Ukraine,
  NATO and the other words of RUSSIA_UKRAINE (the brief excludes Russia/Ukraine/NATO 2022);
- each part's sentences in date order, then shuffled once with random.Random(SEED) (dev) and
  random.Random(SEED + 1) (held back); the annotator read each order from its start.

`rebuild` finds each labelled sentence by its guid and sentence index, refuses any whose SHA-256 differs from the
label's, and restores each actor's words from its character span.

Do not score a coder on the held-back part while developing it: it is scored once, at the end (README.md).
"""
import hashlib
import html
import json
import random
import re
import subprocess
import sys
import unicodedata

SEED = 202612034
SOURCE_REPO = 'https://github.com/markschaver/State-Department-PR'
SOURCE_COMMIT = 'cd530c3f052fb81ae5ecc187d0c335100d3de922'
SENTENCES_PER_RELEASE = 4
OUTLET = 'U.S. Department of State'
LICENCE = 'public domain (work of the U.S. federal government, 17 U.S.C. 105; source: the release at url)'
RUSSIA_UKRAINE = re.compile(r'\b(Russia|Russian|Russians|Russia’s|Ukraine|Ukrainian|Ukrainians|Ukraine’s|NATO|'
                            r'Kremlin|Moscow|Kyiv|Kiev|Putin|Zelensky|Zelenskyy|Lavrov|Peskov|Medvedev|Donbas|'
                            r'Donbass|Donetsk|Luhansk|Crimea|Kherson|Mariupol|Kharkiv)\b')

# A full stop after these words does not end a sentence ("U.S.", "Mr.", "Amb.", "No.").
ABBREVIATIONS = {'U.S', 'U.K', 'U.N', 'U.S.A', 'E.U', 'Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Gen', 'Lt', 'Col',
                 'Sgt', 'Capt', 'Gov', 'Sen', 'Rep', 'Rev', 'Prof', 'No', 'Inc', 'Co', 'Corp', 'Ltd', 'vs', 'Jan',
                 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'v',
                 'approx', 'est', 'a.m', 'p.m', 'Amb', 'Adm', 'Hon', 'Sec', 'Dept', 'Lt.Gen', 'Maj', 'Brig', 'H.E',
                 'P.L', 'S', 'H.R', 'Res', 'Pres'}
BOUNDARY = re.compile(r'([.!?]["”’)]*)\s+(?=["“‘(]?[A-Z0-9])')
ITEM = re.compile(r'<item>(.*?)</item>', re.S)
BLOCK_END = re.compile(r'</?(?:p|li|ul|ol|h[1-6]|div|section|table|tr|td|blockquote)\b[^>]*>|<br\s*/?>', re.I)


def clean(text):
    text = unicodedata.normalize('NFC', html.unescape(text)).replace('\xa0', ' ')
    return re.sub(r'\s+', ' ', text).strip()


def field(item, tag):
    m = re.search(rf'<{tag}(?:\s[^>]*)?>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</{tag}>', item, re.S)
    return m.group(1) if m else ''


def sentences(paragraph):
    out, start = [], 0
    for m in BOUNDARY.finditer(paragraph):
        before = paragraph[start:m.start() + 1].rstrip('"”’)')
        last = re.search(r'(\S+)[.!?]$', before)
        word = last.group(1).lstrip('(“"') if last else ''
        if m.group(1).startswith('.') and (word in ABBREVIATIONS or re.fullmatch(r'[A-Z]', word or '-')
                                           or re.fullmatch(r'(?:[A-Za-z]\.)+[A-Za-z]', word)):
            continue
        out.append(paragraph[start:m.end(1)].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def first_sentences(body_html, author):
    body = re.sub(r'<script\b.*?</script>', ' ', body_html, flags=re.S | re.I)
    blocks = [clean(re.sub(r'<[^>]+>', ' ', b)) for b in BLOCK_END.split(body)]
    # Author lines, headings, places and speaker labels are not sentences: a block is kept when it is long or
    # ends like a sentence ("Office of the Spokesperson", "Washington, D.C.", "The below is attributable to ...:").
    blocks = [b for b in blocks if b != clean(author) and (
        len(b.split()) > 12 or len(b.split()) > 4 and re.search(r'[.!?]["”’)]*$', b))]
    return [s for b in blocks for s in sentences(b)][:SENTENCES_PER_RELEASE]


def snapshots(repo):
    """data.rss of every commit up to SOURCE_COMMIT, oldest first."""
    commits = subprocess.run(['git', '-C', repo, 'log', '--reverse', '--format=%H', SOURCE_COMMIT, '--', 'data.rss'],
                             check=True, capture_output=True, text=True).stdout.split()
    cat = subprocess.Popen(['git', '-C', repo, 'cat-file', '--batch'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        for c in commits:
            cat.stdin.write(f'{c}:data.rss\n'.encode()); cat.stdin.flush()
            header = cat.stdout.readline().split()
            if header[-1] == b'missing':
                raise ValueError(f'{repo}: commit {c} has no data.rss')
            data = cat.stdout.read(int(header[2])); cat.stdout.read(1)
            yield c, data.decode('utf-8')
    finally:
        cat.stdin.close(); cat.wait()


def releases(repo):
    """Every release the feed showed, as first seen, keyed by guid."""
    from email.utils import parsedate_to_datetime
    seen = {}
    for commit, rss in snapshots(repo):
        for item in ITEM.findall(rss):
            guid = clean(field(item, 'guid'))
            if not guid or guid in seen:
                continue
            author = clean(field(item, 'dc:creator'))
            body = field(item, 'content:encoded') or field(item, 'description')
            seen[guid] = {'guid': guid, 'url': clean(field(item, 'link')), 'title': clean(field(item, 'title')),
                          'author': author, 'date': parsedate_to_datetime(clean(field(item, 'pubDate'))).date().isoformat(),
                          'firstSeenCommit': commit, 'sentences': first_sentences(body, author)}
    return sorted(seen.values(), key=lambda r: (r['date'], r['guid']))


def part_of(guid):
    return 'heldout' if int(hashlib.sha256(guid.encode('utf-8')).hexdigest(), 16) % 2 == 0 else 'dev'


def excluded(release):
    return release['date'].startswith('2022') and bool(
        RUSSIA_UKRAINE.search(' '.join([release['title']] + release['sentences'])))


def build_pool(repo):
    rels = releases(repo)
    pools = {'dev': [], 'heldout': []}
    for r in rels:
        if excluded(r):
            continue
        for i, text in enumerate(r['sentences']):
            pools[part_of(r['guid'])].append({'guid': r['guid'], 'url': r['url'], 'date': r['date'],
                                              'title': r['title'], 'author': r['author'], 'sentIndex': i,
                                              'firstSeenCommit': r['firstSeenCommit'], 'text': text})
    orders = {}
    for part, seed in (('dev', SEED), ('heldout', SEED + 1)):
        order = list(range(len(pools[part])))
        random.Random(seed).shuffle(order)
        orders[part] = order
    return rels, pools, orders


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


def rebuild(repo, labels_path, part):
    _, pools, _ = build_pool(repo)
    by_key = {(p['guid'], p['sentIndex']): p for ps in pools.values() for p in ps}
    records = []
    with open(labels_path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            lab = json.loads(line)
            if lab['split'] != part:
                continue
            where = f'{labels_path}:{n} ({lab["id"]})'
            p = by_key.get((lab['guid'], lab['sentIndex']))
            if p is None:
                raise ValueError(f'{where}: no sentence {lab["sentIndex"]} of {lab["guid"]} in {repo}')
            if sha256(p['text']) != lab['textSha256']:
                raise ValueError(f'{where}: the sentence found at {lab["guid"]} #{lab["sentIndex"]} has another '
                                 f'SHA-256 than the label ({sha256(p["text"])} != {lab["textSha256"]})')
            records.append({'id': lab['id'], 'date': lab['date'], 'event': lab['event'], 'text': p['text'],
                            'source': actors(lab['sourceActors'], p['text'], where),
                            'target': actors(lab['targetActors'], p['text'], where),
                            'modality': lab['modality'], 'context': lab['context'], 'note': lab['note'],
                            'region': lab['region'], 'genre': lab['genre'], 'document': lab['url'], 'url': lab['url'],
                            'guid': lab['guid'], 'outlet': lab['outlet'], 'citedSources': [],
                            'licence': lab['licence'], 'language': 'en', 'coder': lab['coder'],
                            'dateCoded': lab['dateCoded'], 'split': lab['split'], 'draw': lab['draw'],
                            'drawPosition': lab['drawPosition'], 'sentIndex': lab['sentIndex']})
    return records


def main(argv):
    if len(argv) == 3 and argv[0] == 'pool':
        rels, pools, orders = build_pool(argv[1])
        with open(argv[2], 'w', encoding='utf-8') as out:
            json.dump({'seed': SEED, 'sourceRepo': SOURCE_REPO, 'sourceCommit': SOURCE_COMMIT,
                       'releases': [dict(r, part=part_of(r['guid']), excluded=excluded(r)) for r in rels],
                       'pools': pools, 'orders': orders}, out, ensure_ascii=False, indent=0)
        print(f'{len(rels)} releases ({sum(map(excluded, rels))} excluded as Russia/Ukraine 2022); sentences: '
              f'dev {len(pools["dev"])}, held back {len(pools["heldout"])} -> {argv[2]}')
    elif len(argv) == 5 and argv[0] == 'rebuild' and argv[3] in ('dev', 'heldout'):
        records = rebuild(argv[1], argv[2], argv[3])
        with open(argv[4], 'w', encoding='utf-8') as out:
            json.dump(records, out, ensure_ascii=False, indent=1)
        print(f'{len(records)} {argv[3]} records, every sentence matched by SHA-256 -> {argv[4]}')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
