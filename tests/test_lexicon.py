"""``lexicon.alternation``: words given longest first become a trie that matches what the
plain alternation matches, with the same backtracking order."""

from __future__ import annotations

import random
import re

from govgraph.loaders.lexicon import alternation, load_lexicon


def _plain(words) -> str:
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def test_a_trie_matches_as_the_plain_alternation():
    rng = random.Random(7)
    chars = "ab.c局长副"
    # tails that make the engine backtrack into the alternation (a shorter word, then the next)
    tails = ["", "b", "(.)c", "(?=a)", "[ab]{2}", "(?!c)", "长?副", "$"]
    tried = 0
    for _ in range(300):
        words = {"".join(rng.choice(chars) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 8))}
        words = sorted(words, key=lambda w: (-len(w), w))
        trie = alternation(words)
        for tail in tails:
            a, b = re.compile(_plain(words) + tail), re.compile(trie + tail)
            for _ in range(20):
                s = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
                ma, mb = a.search(s), b.search(s)
                assert (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups())), (words, tail, s)
                assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)], (words, tail, s)
                tried += 1
    assert tried == 300 * len(tails) * 20


def test_words_not_longest_first_stay_a_plain_alternation():
    assert alternation(["办", "办公室"]) == "(?:办|办公室)"  # 办 first: the order given is kept
    assert alternation(["办公室", "办"]) == "(?:办(?:公室)?)"


def test_the_lexicons_titles_match_as_before():
    lex = load_lexicon()
    text = "汉阳区人民政府区长张三、副区长李四,区水务局局长王五,常务副区长赵六兼任领导小组组长。"
    for words in (lex.titles, lex.roles, lex.unit_suffixes):
        a, b = re.compile(_plain(words)), re.compile(alternation(words))
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
