#!/usr/bin/env python3
"""Derives wirewatch's broad verb lexicon (enrich/.../stance/cameo-verbs.tsv) from the PETRARCH2 CAMEO verb
dictionary (CAMEO.2.0.txt, openeventdata/petrarch2, MIT licence).

    python3 tools/cameo-lexicon/derive.py ../shared/data/events/cameo/CAMEO.2.0.txt \
        > nlp/src/main/resources/io/wirewatch/nlp/stance/cameo-verbs.tsv

The output is written in the stance rule language of rules.tsv (see its header), so the same matcher, actor
finder, negation and modality logic apply to it. What is kept and how:
  * every verb with a code of its own gives a default rule: the verb's forms (the dictionary's irregular forms,
    else regular English inflections) -> that code; so does the verb that names its block (ATTACK), with the
    block's code, or every verb of a block of conflict (CAMEO 11-20) named by a concept (EXPLOSIVE_DESTRUCTION: blast, bomb,
    fire); concept blocks of movement and management (GO_SOMEWHERE, OVERSEE_MANAGE) hold neutral verbs. The
    other members of a verb-named block are WordNet synonyms, too loose to code an event alone ("hold",
    "conduct"): they take part in the block's patterns only;
  * every pattern "- PRE * POST [code]" gives a rule: PRE words, up to 3 words, the verb, up to 4 words, the POST
    words (nouns match their plurals); synonym sets (&WEAPON) become alternatives of their one-word members;
  * a pattern coded [---] (e.g. "killed in an accident", "an earthquake killed") is a NONE rule: it codes no
    event and keeps the verb's default from firing on those words;
  * CAMEO 01x (public statements) codes no PLOVER category and is left out; codes map to the categories of the
    PLOVER gold standard (0.5): 02 APPEAL, 03 AGREE, 04 CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID, 080-083
    CONCEDE, 084-087 RETREAT, 09 INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 12 REJECT, 13 THREATEN, 14 PROTEST,
    15 MOBILIZE, 16 SANCTION, 17 COERCE, 18 ASSAULT, 19-20 FIGHT.
"""
import re
import sys

ROOT = {"02": "APPEAL", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
        "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
        "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT",
        "20": "FIGHT"}
# Negating a cooperative act is a refusal ("refused to withdraw", "will not negotiate"); see rules.tsv "flip".
FLIP = {"CONCEDE": "REJECT:124", "RETREAT": "REJECT:124", "AGREE": "REJECT:120", "COOPERATE": "REJECT:121",
        "AID": "REJECT:122", "CONSULT": "REJECT:125"}
# Violence: in a drill it is a show of force; with soldiers or aircraft about it is military force.
FLAGS = {"ASSAULT": ["force", "armed"], "FIGHT": ["force"]}
VOWELS = set("aeiou")


def category(code):
    if code is None:
        return "NONE"
    if code.startswith("08"):
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    return ROOT.get(code[:2])


def inflect(base):
    """Regular forms of an English verb: base, -s, -ed, -ing (with the doubled consonant where usual)."""
    forms = {base}
    if re.search(r"(s|x|z|ch|sh)$", base):
        forms.add(base + "es")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    double = len(base) <= 5 and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", base) is not None
    if base.endswith("e"):
        forms.add(base + "d")
        forms.add((base[:-1] if not base.endswith("ee") else base) + "ing")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ied")
        forms.add(base + "ing")
    else:
        forms.add(base + "ed")
        forms.add(base + "ing")
        if double:
            forms.add(base + base[-1] + "ed")
            forms.add(base + base[-1] + "ing")
    return forms


def word_slot(word, synsets):
    """One slot of the rule language for a dictionary word: &SET -> its one-word members; nouns take plurals."""
    if word.startswith("&"):
        members = [m for m in synsets.get(word, []) if " " not in m]
        alts = set()
        for m in members:
            alts |= noun(m)
        return "|".join(sorted(alts)) if alts else None
    return "|".join(sorted(noun(word.lower())))


FUNCTION = {"in", "on", "at", "to", "of", "by", "for", "from", "with", "into", "onto", "over", "under", "after",
            "before", "during", "against", "about", "as", "when", "while", "near", "between", "among", "upon",
            "off", "out", "up", "down", "away", "back", "through", "across", "toward", "towards", "without",
            "within", "that", "this", "his", "her", "its", "their", "own", "and", "or", "not", "no", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "will", "would", "it", "him", "them", "himself",
            "herself", "itself", "themselves", "who", "which", "what", "new", "all", "any", "some", "more"}
ARTICLES = {"a", "an", "the"}


def noun(word):
    exact = word.endswith("_")
    word = word.rstrip("_").lower()
    if not re.fullmatch(r"[a-z][a-z'\-]*", word):
        return set()
    if exact or word in FUNCTION:
        return {word}
    if len(word) >= 4:
        return {word + "*"}
    return {word, word + "s"}


def code_of(text):
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return False, None
    raw = m.group(1).split(":")[0].strip()
    if raw == "---" or raw == "":
        return True, None
    return True, raw


def main(path):
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    synsets, blocks = {}, []
    current_set = None
    block = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("&"):
            current_set = line.strip()
            synsets[current_set] = []
            continue
        if line.startswith("+") and current_set is not None and block is None:
            synsets[current_set].append(line[1:].strip().replace("_", " ").strip().lower())
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            current_set = None
            code = m.group(2).split(":")[0]
            block = {"name": m.group(1).lower(), "code": None if code == "---" else code, "verbs": [],
                     "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            has, code = code_of(line)
            if not has:
                continue
            body = re.sub(r"\[[^\]]*\]", "", line[1:]).replace("$", " ")
            body = body.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ")
            body = body.replace("_", " ").replace(" + ", " ").rstrip("+ ")
            if "*" not in body:
                continue
            pre, post = body.split("*", 1)
            block["patterns"].append((pre.split(), post.split(), code))
            continue
        # a verb line: WORD [code] {FORMS} or +MULTI_WORD {+FORMS} [code]
        has, code = code_of(line)
        forms_m = re.search(r"\{([^}]*)\}", line)
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
        if not head:
            continue
        base = head[0].lstrip("+").lower().replace("_", " ").strip()
        forms = set()
        if forms_m and forms_m.group(1).strip():
            forms = {f.lstrip("+").lower().replace("_", " ").strip() for f in forms_m.group(1).split()}
            forms = {f for f in forms if re.fullmatch(r"[a-z][a-z'\-]*( [a-z][a-z'\-]*)*", f)}
        words = base.split()
        if not words or not all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in words):
            continue
        if len(words) == 1:
            forms |= {base} if forms else inflect(base)
            forms.add(base)
        elif not forms:
            forms = {" ".join([f] + words[1:]) for f in inflect(words[0])}
        else:
            forms.add(base)
        # A verb's default code: its own, else its block's when it heads the block. The other members of a block
        # are WordNet synonyms, too loose to code an event alone ("hold", "conduct", "according"): they take part
        # in the block's patterns only.
        block["verbs"].append({"base": base, "forms": forms, "code": code if has else None, "own": has})

    out = []
    print("# wirewatch broad verb lexicon, derived by tools/cameo-lexicon/derive.py from the PETRARCH2 CAMEO verb")
    print("# dictionary CAMEO.2.0.txt. Rule language as in rules.tsv; category NONE codes no event; the flag verb")
    print("# means the first word must be a verb in the sentence (\"forces\" in \"Serb forces\" is no act of forcing).")
    print("#")
    print("# Derived from CAMEO.2.0.txt, Copyright (c) 2015 Open Event Data Alliance, under the MIT License:")
    print("# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and")
    print("# associated documentation files (the \"Software\"), to deal in the Software without restriction, including")
    print("# without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell")
    print("# copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the")
    print("# following conditions: The above copyright notice and this permission notice shall be included in all")
    print("# copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF")
    print("# ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR")
    print("# A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE")
    print("# FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING")
    print("# FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.")
    print("#")
    print("# Patterns come first (the more specific wins an overlap), then each verb's default code.")
    seen = set()

    def emit(rule_id, code, pattern, verb_first):
        cat = category(code)
        if cat is None:
            return
        key = (cat, code, pattern)
        if key in seen:
            return
        seen.add(key)
        flags = []
        if cat in FLIP:
            flags.append("flip=" + FLIP[cat])
        flags += FLAGS.get(cat, [])
        if verb_first:
            flags.append("verb")
        n = len([o for o in out if o[0].startswith(rule_id)])
        out.append((f"{rule_id}.{n + 1}", cat, code or "0", pattern, flags))

    for block in blocks:
        singles = sorted({f for v in block["verbs"] if " " not in v["base"] for f in v["forms"] if " " not in f})
        if not singles:
            continue
        verb_slot = "|".join(singles)
        for pre, post, code in block["patterns"]:
            pre_slots = [word_slot(w, synsets) for w in pre if w.lower() not in ARTICLES]
            post_slots = [word_slot(w, synsets) for w in post if w.lower() not in ARTICLES]
            if None in pre_slots or None in post_slots or not (pre_slots or post_slots):
                continue
            parts = []
            if pre_slots:
                parts.append(" ~1 ".join(pre_slots))
                parts.append("~3")
            parts.append(verb_slot)
            if post_slots:
                parts.append("~4")
                parts.append(" ~2 ".join(post_slots))
            emit("cameo." + block["name"] + ".p", code, " ".join(parts), not pre_slots)
    for block in blocks:
        # A block named by one of its verbs (ATTACK) gives its code to that verb; a block named by a concept
        # (EXPLOSIVE_DESTRUCTION: blast, bomb, fire, ...) to all its verbs, which were put there for that meaning.
        name = block["name"].replace("_", " ")
        # Concept blocks of conflict (CAMEO 11-20) pass their code on; those of movement and management (GO_SOMEWHERE,
        # MEET_PEOPLE, OVERSEE_MANAGE: "go", "face", "conduct") hold neutral verbs that are no event by themselves.
        headed = any(v["base"] == name for v in block["verbs"]) or (block["code"] or "00")[:2] < "11"
        for verb in block["verbs"]:
            if not verb["own"] and (not headed or verb["base"] == name):
                verb["code"] = block["code"]
            if verb["code"] is None:
                continue
            if " " in verb["base"]:
                for form in sorted(verb["forms"]):
                    emit("cameo." + block["name"] + ".v", verb["code"], " ".join(form.split()), True)
            else:
                emit("cameo." + block["name"] + ".v", verb["code"], "|".join(sorted(verb["forms"])), True)
    for rule_id, cat, code, pattern, flags in out:
        print("\t".join([rule_id, cat, "0" + code if cat == "NONE" else code, pattern] + flags))


main(sys.argv[1])
