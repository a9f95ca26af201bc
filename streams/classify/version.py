"""The coder version every event carries: a record always says which rules made it.
A module of its own so that reading it costs nothing (`import streams.classify` stays light)."""

# 1.6.1: the dev11 English precision pass (tests/unit/classify/test_dev11.py), and, on another
# branch, the twelfth blind Russian tune batch's classes (tests/unit/classify/
# test_lang_ru_batch12.py): Russian data, and the toll of an attack recalled from an earlier day
# 1.6.2: both of the above (1.6.1 was two branches: dev11 English precision, ru batch 12)
# 1.6.3: the thirteenth blind Russian tune batch (tests/unit/classify/test_lang_ru_batch13.py)
# 1.6.4: shared-engine fixes for Russian precision (tests/unit/classify/test_lang_ru_engine.py):
# the `standing` and `negation_after` scopes, clause exceptions, conditions, and a lead that sets
# its story years back
# 1.6.5: the golden table's third pass (tests/unit/classify/test_golden3.py): dyads, places,
# codes of acts only done to people, and a few types (English data; shared role code)
# 1.6.6: both of the above, merged
# 1.6.7: the blind Spanish tune batch 701-740 (tests/unit/classify/test_lang_es_batch7.py):
# Spanish data, the modals of possibility as data (`phrases: possible_modals`), a listed
# object of "protect ... from", a toll group whose nouns are joined ("women and children"),
# and a month that dates an accord (article.yaml `month_not_after`); 1.6.5 on its branch
# 1.6.8: the fourteenth blind Russian tune batch (tests/unit/classify/test_lang_ru_batch14.py):
# parenthetical hedges, a weapon after a negated noun, a comma-joined toll of a dated clause, an
# anaphor's repeated rejection, and Russian/Ukrainian data
# (1.6.5 on its branch)
# 1.7.0: the golden table's figures and roles (two sources' figures, attackers beside victims,
# officials as people, a walkout after talks, a bare "army", militia and official victims), the
# dev12 English precision pass, the fifteenth and sixteenth blind Russian batches' classes
# (tests/unit/classify/test_lang_ru_batch15.py, _batch16.py) and the blind Spanish batch
# 741-780's (test_lang_es_batch8.py): see docs/coder.md and docs/languages.md
# 1.8.0: the golden table's fifth pass: saboteurs, an attack blamed in a clause on a party, a
# claim of responsibility carried into the next sentence, a battle toll told by the army whose
# soldiers died, a pronoun's blame of the act just before, Amhara and Tigray (see docs/coder.md,
# "Golden table, fifth pass")
# 1.9.0: the seventeenth to nineteenth blind Russian batches' classes (regional, utility and
# foreign Russian-language sources; infrastructure hit versus affected): organisations named
# for their assets, list words after a comma, week and month tallies, "это неправда", a group's
# modifier in a split toll, rolling stock, a chronology's dated paragraphs, a truce anaphor on
# either side of its rejection, a poll's share (tests/unit/classify/test_lang_ru_batch17.py,
# _batch18.py); Russian coded by default (see docs/languages.md, "Coder 1.9.0"); the blind
# Spanish batch 801-840's classes (test_lang_es_batch9.py) and the blind English dev14/dev15
# batches' (test_classify_dev14.py, docs/coder.md "Precision, dev14 pass")
# 1.10.0: a country's name is the country, never a namesake town; a weapon's origin ("launched
# from Yemen") is its side; a claim of the attack names its author; the blind English
# dev16/dev17 batches' classes (month-in-review digests, condemnations of an earlier day's act,
# a month before the act's noun, a front's day tally, "N days ago", campaign tolls in the
# perfect, separate engagements, a peace deal breached by violence, no delegation sent); see
# docs/coder.md, "Origins, claims and country names"
# 1.11.0: a truce proposed by one of the taxonomy's `third_parties` is its appeal (0256); a
# pronoun opening the sentence after one that names a weapon is that weapon when it damages,
# kills or wounds (coder._weapon_pronoun), a weapon that kills is an aerial attack; the day
# after (an act named by an earlier day's possessive or as a cause in a later-dated lede is
# retold, funerals, burials, ended searches, revised tolls), talks in a "since" clause,
# opinion pieces, obituaries, accidents with a denied weapon, war-scale tolls, threats in
# other words; see docs/coder.md, "The day after, opinion and obituaries"
# 1.12.0: claims and their speakers (an armed group's own toll set aside beside anyone else's
# figure, a fact check's posts, captions and scare-quoted acts, a video that "claims to show"),
# the day after (tolls dated to a retold day or told in its pluperfect, burials with figures, a
# condemnation's own day), periods and campaigns (plural acts on plural assets, a sentence
# opened by "Since the start of the year", "last year", "a decade ago", a participle's clause,
# talks dated a week back), reviews as opinion, vows of pursuit, an army's split toll in its
# own words, a breach of an accord named by its year; see docs/coder.md, "Claims, periods and
# the world's press"
# 1.13.0: craft that strike are the weapon, not the target; reports a story has replaced ("had
# earlier told"); tolls followed by their period, partitives, "two dozen", bodies found (not
# handed over); vows of continued operations and pursuit in militaries' and armed groups' own
# words, and quotations that go on after their speaker is named; a force's posts in regional
# words, water and ammunition sites; recaps opened by a weekday, standing rejections, the
# talks' state, drills that simulate, political truces; a colon-ended agency dateline; see
# docs/coder.md, "Vows, recaps and regional words"
# 1.14.0: real reporting at length: a wire led by an earlier month's or a quarter's toll, a
# war's toll of thousands below the lede, tolls of acts counted over a period, an act qualified
# as earlier, a judgment's and a sentencing lede's tried acts, withdrawn stories, talks told
# below a lede that names none, the higher of two tolls and fighters' own claims set aside,
# craft that fly in or strike beside another, a truce "holding" not agreed, a call to stop
# one side's attacks not a truce offered, candidates' pledges; see docs/coder.md, "Real
# reporting at length"
# 1.15.0: the dev44/dev47/dev49-dev52 classes (tests/unit/classify/test_classify_dev49.py):
# tallies over "the same period", summed incidents, vague and thousand-fold counts, campaigns in
# the perfect, an air base's runway, assets that place a target, an earlier-dated lede, obituary
# labels, a figure another source dismisses; see docs/coder.md, "Campaigns, sites and disputed
# figures"
# 1.16.0: the dev53-dev55 classes and the rest of dev41-dev52 (same test file): closing attributions
# dated "at the time", replaced reports, a lede's earlier act dating the acts below, negated
# lists, campaigns stepped up, monthly updates, briefings' recaps, ammunition and fuel depots,
# town airstrips, armed groups' camps; see docs/coder.md, "Recaps, updates and monthly counts"
# 1.17.0: the classes the tune part left at 1.16.0 and the blind dev56-dev59 batches
# (tests/unit/classify/test_classify_dev56.py): campaigns in joined perfects and plural
# infrastructure on no day, a front's day counted in districts, vague masses, answers in an
# earlier time, generic attacks, near misses, joint and claimed tolls, talks refused in
# principle, standing charges, terror labels after a refused truce; see docs/coder.md,
# "Background campaigns, claims and answers"
# 1.18.0: the blind dev60 (strategic targets) and dev61 (tolls) batches
# (tests/unit/classify/test_classify_dev60.py): the attackers' dead told apart added to their
# victims', rough counts beside exact ones, a wire's update number, "attack" naming a craft's
# type, craft that strike back or fly over a base, berths at a naval base, a drill's frame,
# a site disputed the other way round, headline and 48-hour tallies; see docs/coder.md,
# "Split tolls and strategic sites"
# 1.19.0: every event says where the article first tells it (`first_told`: 0 in the headline
# or caption, else the body offset of its earliest restatement); acts, tolls, truces and
# talks first told past the body's first 1,500 characters and not dated to the days of the
# news are background, not coded (the taxonomy's `lead_chars`, `recent_days`, `lead_only`);
# a replayed wire without a date is read as of its lede; see docs/coder.md, "News in the lead"
# 1.19.1: a text field is read up to its last whitespace before 100,000 characters
# (`coder.READ_CHARS`; the record's `read_chars` says when a field was cut): a 1 MB field of
# dense conflict text took the worker's whole message budget; see docs/coder.md, "How much
# of a field is read"
CODER_VERSION = "wirewatch-coder/1.19.1"
