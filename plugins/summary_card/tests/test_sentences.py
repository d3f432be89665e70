"""The first sentence of policy prose, on the abbreviations this field writes (the importer: test_editor_import)."""

from __future__ import annotations

import pytest

from reality_check.plugins.summary_card import extract_card
from reality_check.plugins.summary_card.sentences import first_sentence

# (text, the first sentence); the rest is what follows it.
CASES = [
    # the issue's own example, and country and organisation initials
    ("The U.S. should leave Syria. It has no vital interest there.", "The U.S. should leave Syria."),
    ("The U.K. and the E.U. must agree. Talks resume.", "The U.K. and the E.U. must agree."),
    ("Ask the U.N. to mediate. It has done so before.", "Ask the U.N. to mediate."),
    ("Keep U.S. forces home. Europe can defend itself.", "Keep U.S. forces home."),
    (
        "Rely on the U.S. Congress, not the courts. They are slow.",
        "Rely on the U.S. Congress, not the courts.",
    ),
    ("The U.S.-led coalition should disband. Its mission ended.", "The U.S.-led coalition should disband."),
    ("Troops should leave the U.S. The base is costly.", "Troops should leave the U.S."),
    ("Bring them back to the U.K. It is cheaper.", "Bring them back to the U.K."),
    ("Fund the E.U. Its budget is small.", "Fund the E.U."),
    ("Talk to the U.S.S.R. successor states. They matter.", "Talk to the U.S.S.R. successor states."),
    ("Stop aid to the P.R.C. at once. It funds rivals.", "Stop aid to the P.R.C. at once."),
    # titles and ranks
    ("Dr. Smith was right. Listen to her.", "Dr. Smith was right."),
    ("Gen. Milley warned of this. He was ignored.", "Gen. Milley warned of this."),
    ("Ask Adm. Stavridis. He knows the region.", "Ask Adm. Stavridis."),
    ("Name Amb. Burns envoy. He speaks Russian.", "Name Amb. Burns envoy."),
    ("Sen. Paul is right. Repeal the AUMF.", "Sen. Paul is right."),
    ("Rep. Khanna's bill should pass. It ends the war.", "Rep. Khanna's bill should pass."),
    ("Pres. Biden must decide. Time is short.", "Pres. Biden must decide."),
    ("Gov. Abbott disagrees. So do others.", "Gov. Abbott disagrees."),
    ("Lt. Col. Vindman testified. The House listened.", "Lt. Col. Vindman testified."),
    ("Mr. Putin will not yield. Plan for that.", "Mr. Putin will not yield."),
    ("Ms. Ashford and Mrs. Jones agree. Others do not.", "Ms. Ashford and Mrs. Jones agree."),
    ("Prof. Walt made the case. It holds.", "Prof. Walt made the case."),
    ("Sec. Blinken should go to Beijing. Talks help.", "Sec. Blinken should go to Beijing."),
    # months and dates
    ("Act before Jan. 20. After that it is too late.", "Act before Jan. 20."),
    ("The deadline is Feb. 5, 2021. Meet it.", "The deadline is Feb. 5, 2021."),
    ("Since Mar. 2014 sanctions failed. Lift them.", "Since Mar. 2014 sanctions failed."),
    ("Talks in Apr. and Jun. stalled. Try again.", "Talks in Apr. and Jun. stalled."),
    ("Troops left in Aug. 2021. The war ended.", "Troops left in Aug. 2021."),
    ("Vote by Sept. 30. Congress must act.", "Vote by Sept. 30."),
    ("Elections on Nov. 3 matter. Watch them.", "Elections on Nov. 3 matter."),
    ("Renew it by Dec. 31. Otherwise it lapses.", "Renew it by Dec. 31."),
    ("The summit of Oct. 12 failed. Try again.", "The summit of Oct. 12 failed."),
    ("It was signed in Jul. 2015 in Vienna. Keep it.", "It was signed in Jul. 2015 in Vienna."),
    # Latin
    (
        "Cut commitments, e.g. the bases in Syria. They cost lives.",
        "Cut commitments, e.g. the bases in Syria.",
    ),
    ("Cut commitments, e.g., the bases. They cost lives.", "Cut commitments, e.g., the bases."),
    ("Use leverage, i.e. sanctions relief. It works.", "Use leverage, i.e. sanctions relief."),
    ("Cut tariffs, quotas, etc. and trade more. It pays.", "Cut tariffs, quotas, etc. and trade more."),
    ("Cut tariffs, quotas, etc. The rest can wait.", "Cut tariffs, quotas, etc."),
    ("Deter, cf. the Cold War. It worked.", "Deter, cf. the Cold War."),
    ("Diplomacy vs. force is a false choice. Use both.", "Diplomacy vs. force is a false choice."),
    ("Walt et al. argue for restraint. They are right.", "Walt et al. argue for restraint."),
    # places and numbers
    ("Meet in St. Petersburg. It is neutral ground.", "Meet in St. Petersburg."),
    ("Climb Mt. Everest later. First, talk.", "Climb Mt. Everest later."),
    ("Read Resolution No. 2231. It binds everyone.", "Read Resolution No. 2231."),
    ("See Vol. 3 of the report. It explains why.", "See Vol. 3 of the report."),
    ("The answer is no. The U.S. must accept it.", "The answer is no."),
    (
        "Approve Art. 5 guarantees only for members. Others wait.",
        "Approve Art. 5 guarantees only for members.",
    ),
    ("Call No. 10 first. London decides.", "Call No. 10 first."),
    ("Fort Bragg is in Ft. Liberty now. Names change.", "Fort Bragg is in Ft. Liberty now."),
    # initials in names
    ("Read John F. Kennedy on peace. He was right.", "Read John F. Kennedy on peace."),
    ("Follow George C. Marshall's lead. Rebuild Europe.", "Follow George C. Marshall's lead."),
    ("As H. W. Brands notes, power fades. Plan for it.", "As H. W. Brands notes, power fades."),
    ("Ask J. R. R. Tolkien. He is unavailable.", "Ask J. R. R. Tolkien."),
    ("Have a Plan B. The first may fail.", "Have a Plan B."),
    ("Ask Martin Luther King Jr. about it. He knew.", "Ask Martin Luther King Jr. about it."),
    ("Read W.E.B. Du Bois. He saw it early.", "Read W.E.B. Du Bois."),
    # decimals, money, percentages, times
    ("Cut spending by 3.5 percent. It is enough.", "Cut spending by 3.5 percent."),
    ("Spend $1.2 trillion less. Nobody will notice.", "Spend $1.2 trillion less."),
    ("Growth was 0.5% in 2020. It recovered.", "Growth was 0.5% in 2020."),
    ("Version 2.0 of the deal is better. Sign it.", "Version 2.0 of the deal is better."),
    ("Meet at 9 a.m. Monday in Geneva. Bring maps.", "Meet at 9 a.m. Monday in Geneva."),
    ("Talks end at 5 p.m. The vote follows.", "Talks end at 5 p.m."),
    # ellipses
    ("Sanctions work... sometimes. Mostly they fail.", "Sanctions work... sometimes."),
    ("Sanctions work… sometimes. Mostly they fail.", "Sanctions work… sometimes."),
    ("We waited… Washington did not call. Move on.", "We waited… Washington did not call."),
    ("We waited... Then we left. Nobody noticed.", "We waited..."),
    # quotes, brackets and other marks
    ('Stop calling it "a war." It is a police action.', 'Stop calling it "a war."'),
    ("Stop calling it “a war.” It is a police action.", "Stop calling it “a war.”"),
    ("End the mission (it failed.) Bring them home.", "End the mission (it failed.)"),
    ("Why stay? The mission is over.", "Why stay?"),
    ("Leave now! Every day costs lives.", "Leave now!"),
    ("Is this wise? no one asked. Ask now.", "Is this wise? no one asked."),
    ("Ask: why stay? Then decide.", "Ask: why stay?"),
    # one sentence, or none ending in a mark
    ("Resist further sanctions.", "Resist further sanctions."),
    ("Resist further sanctions", "Resist further sanctions"),
    ("The U.S. should leave Syria", "The U.S. should leave Syria"),
    ("Ratify New START.", "Ratify New START."),
    # ordinary sentences still split
    ("Resist further sanctions. In recent years, they failed.", "Resist further sanctions."),
    ("Engage Russia on arms control. Ratify New START.", "Engage Russia on arms control."),
    ("Talk more. 2022 will be harder.", "Talk more."),
    ("Withdraw in 2021. The war is lost.", "Withdraw in 2021."),
    ("  Leave   Syria.   It costs   too much.  ", "Leave Syria."),
]


@pytest.mark.parametrize(("text", "lead"), CASES)
def test_first_sentence(text, lead):
    folded = " ".join(text.split())
    found, rest = first_sentence(text)
    assert found == lead
    assert rest == folded[len(lead) :].strip()


def test_the_card_titles_a_recommendation_without_bold_by_its_first_sentence():
    fragment = (
        "<h2>What is the solution?</h2><ol>"
        "<li>The U.S. should leave Syria. It has no vital interest there.</li>"
        "<li><strong>The U.S.</strong> Should leave. Bold wins.</li></ol>"
    )
    card = extract_card(fragment).card
    assert [(r.title, r.text) for r in card.recommendations] == [
        ("The U.S. should leave Syria.", "It has no vital interest there."),
        ("The U.S.", "Should leave. Bold wins."),
    ]
