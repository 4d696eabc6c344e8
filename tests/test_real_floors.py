"""Floors on real text, scored by ../shared/eval/score.py over catalogues built in-process.

`../shared/real` holds the floors the project asked for. The batches of tests/real hold floors
a margin below what the code scores today (README, "Accuracy on real text"), so a regression
shows; b5's figures were measured blind once, then its general causes were fixed.
"""
from __future__ import annotations

import pytest

from scoring import ROOT, SCORER, needs_shared, score_folder

pytestmark = needs_shared(SCORER)

SHARED_REAL = ROOT.parent / "shared" / "real"
REAL = ROOT / "tests" / "real"

# the floors on ../shared/real
SHARED_FLOORS = {
    "targets": {"f1": 0.95, "exact_f1": 0.90},
    "deadlines": {"f1": 0.93, "exact_f1": 0.88},
    "agencies": {"f1": 0.88, "role": 0.92},
    "references": {"exact_f1": 0.95},
    "sections": {"f1": 0.93},
}

# today's F1 / exact F1 per batch less a margin of about 0.03 (agencies, with fewer items, 0.05;
# targets: less 0.02, rounded down)
BATCH_FLOORS = {
    "b1": {"targets": {"f1": 0.98, "exact_f1": 0.97}, "deadlines": {"f1": 0.95}, "agencies": {"f1": 0.83},
           "references": {"f1": 0.95}, "sections": {"f1": 0.95}},
    "b2": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.96, "exact_f1": 0.96},
           "agencies": {"f1": 0.88}, "references": {"f1": 0.95}, "sections": {"f1": 0.95}},
    "b3": {"targets": {"f1": 0.97, "exact_f1": 0.97}, "deadlines": {"f1": 0.95}, "agencies": {"f1": 0.90},
           "references": {"f1": 0.95}, "sections": {"f1": 0.95}},
    "b4": {"targets": {"f1": 0.98, "exact_f1": 0.94}, "deadlines": {"f1": 0.95}, "agencies": {"f1": 0.95},
           "references": {"f1": 0.93}, "sections": {"f1": 0.95}},
    "b5": {"targets": {"f1": 0.96, "exact_f1": 0.96}, "deadlines": {"f1": 0.95}, "agencies": {"f1": 0.85},
           "references": {"f1": 0.95}, "sections": {"f1": 0.95}},
    # b6 was scored once, blind, with the final code: these guard today's values, not aims
    # (targets and agencies: raised after the general fixes of issue 9, blind 0.891 F1 / 0.818
    # exact and agencies 0.632 F1; targets exact
    # 0.962 with NLP, 0.923 rules-only: two compound units `hội nghị` only segmentation reads)
    "b6": {"targets": {"f1": 0.98, "exact_f1": 0.90}, "deadlines": {"f1": 0.98}, "agencies": {"f1": 0.90},
           "references": {"f1": 0.94}, "sections": {"f1": 0.95}},
    # b7 was scored once, blind, with all of this session's rules (README: targets 0.940 / 0.723,
    # agencies 0.762, references exact 0.934, sections 0.862), then its general causes were fixed
    "b7": {"targets": {"f1": 0.95, "exact_f1": 0.95}, "deadlines": {"f1": 0.95}, "agencies": {"f1": 0.93},
           "references": {"f1": 0.97, "exact_f1": 0.97}, "sections": {"f1": 0.97}},
    # b8 likewise (blind: targets 0.794 / 0.765, deadlines 0.533, agencies 0.744, references exact
    # 0.967, sections 1.000); 5 deadlines only, so its deadline floor is loose
    "b8": {"targets": {"f1": 0.96, "exact_f1": 0.92}, "deadlines": {"f1": 0.98}, "agencies": {"f1": 0.87},
           "references": {"f1": 0.97, "exact_f1": 0.94}, "sections": {"f1": 0.97}},
    # b9 likewise (blind: targets 0.913 / 0.522, deadlines 0.933, agencies 0.722, references exact
    # 0.907, sections 1.000)
    "b9": {"targets": {"f1": 0.93, "exact_f1": 0.93}, "deadlines": {"f1": 0.90}, "agencies": {"f1": 0.86},
           "references": {"f1": 0.97, "exact_f1": 0.91}, "sections": {"f1": 0.97}},
    # b10 likewise (blind: targets 0.933 / 0.867, deadlines exact 0.750, agencies 0.813, references
    # exact 0.975, sections 0.974)
    "b10": {"targets": {"f1": 0.94, "exact_f1": 0.87}, "deadlines": {"f1": 0.97, "exact_f1": 0.97},
            "agencies": {"f1": 0.87}, "references": {"f1": 0.97, "exact_f1": 0.95}, "sections": {"f1": 0.95}},
    # b11–b15 were each scored once, blind (README: b11 agencies 0.848, deadlines 0.571 on 3 items;
    # b12 deadlines exact 0.448, agencies 0.667; b13 targets 0.831, deadlines 0.737, agencies 0.762;
    # b14 deadlines 0.800, agencies 0.716; b15 deadlines 0.727, agencies 0.680, sections 0.878),
    # then their general causes were fixed; these guard today's values
    "b11": {"targets": {"f1": 0.91, "exact_f1": 0.84}, "deadlines": {"f1": 0.83}, "agencies": {"f1": 0.95},
            "references": {"f1": 0.97, "exact_f1": 0.95}, "sections": {"f1": 0.97}},
    "b12": {"targets": {"f1": 0.96, "exact_f1": 0.87}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.88}, "references": {"f1": 0.97, "exact_f1": 0.80}, "sections": {"f1": 0.97}},
    "b13": {"targets": {"f1": 0.95, "exact_f1": 0.88}, "deadlines": {"f1": 0.93}, "agencies": {"f1": 0.76},
            "references": {"f1": 0.97, "exact_f1": 0.91}, "sections": {"f1": 0.97}},
    "b14": {"targets": {"f1": 0.94, "exact_f1": 0.90}, "deadlines": {"f1": 0.98}, "agencies": {"f1": 0.76},
            "references": {"f1": 0.97, "exact_f1": 0.92}, "sections": {"f1": 0.97}},
    "b15": {"targets": {"f1": 0.93, "exact_f1": 0.84}, "deadlines": {"f1": 0.98}, "agencies": {"f1": 0.72},
            "references": {"f1": 0.92, "exact_f1": 0.92}, "sections": {"f1": 0.92}},
    # b16 blind: targets 0.904 / 0.696, deadlines 0.846, agencies 0.746; fixed since
    "b16": {"targets": {"f1": 0.93, "exact_f1": 0.76}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.82}, "references": {"f1": 0.96, "exact_f1": 0.93}, "sections": {"f1": 0.91}},
    # b17 blind: targets 0.840 / 0.622, deadlines 0.878, agencies 0.465, sections 0.892;
    # b18 blind: targets 0.773 / 0.591, deadlines 0.480, agencies 0.738, sections 0.702; fixed since
    "b17": {"targets": {"f1": 0.96, "exact_f1": 0.85}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.91}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.95}},
    "b18": {"targets": {"f1": 0.94, "exact_f1": 0.80}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.96}, "references": {"f1": 0.98, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
    # b19 blind: targets 0.841, agencies 0.655; b20 blind: targets exact 0.724, agencies 0.873;
    # b21 blind: targets 0.711, agencies 0.714, sections 0.545; fixed since
    "b19": {"targets": {"f1": 0.94, "exact_f1": 0.86}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.96}, "references": {"f1": 0.98, "exact_f1": 0.95}, "sections": {"f1": 0.98}},
    "b20": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.94}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b21": {"targets": {"f1": 0.92, "exact_f1": 0.77}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.96}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    # b22 blind: targets exact 0.618, agencies 0.627; b23 (the last blind batch): targets 0.838 /
    # 0.752, agencies 0.755 / 0.453 (role 0.80); fixed since
    "b22": {"targets": {"f1": 0.89, "exact_f1": 0.74}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.85}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b23": {"targets": {"f1": 0.92, "exact_f1": 0.88}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.96}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    # b24-b30 (this session; blind: b24 targets 0.874 / 0.723; b25 agencies 0.500; b26 targets exact
    # 0.522; b27 deadlines 0.667; b28 targets 0.693, agencies 0.667; the last two, b29 targets 0.864 /
    # 0.629, agencies 0.588, deadlines 0.727, and b30 targets 0.829, agencies 0.735): fixed since;
    # each floor 0.02 below the lower of the two modes (NLP on, CHITIEU_NLP=0)
    "b24": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.95}, "references": {"f1": 0.98, "exact_f1": 0.86}, "sections": {"f1": 0.98}},
    "b25": {"targets": {"f1": 0.98, "exact_f1": 0.95}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.98}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b26": {"targets": {"f1": 0.97, "exact_f1": 0.74}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.98}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b27": {"targets": {"f1": 0.98, "exact_f1": 0.87}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.98}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b28": {"targets": {"f1": 0.92, "exact_f1": 0.71}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.95}, "references": {"f1": 0.95, "exact_f1": 0.86}, "sections": {"f1": 0.98}},
    "b29": {"targets": {"f1": 0.91, "exact_f1": 0.66}, "deadlines": {"f1": 0.92, "exact_f1": 0.92},
            "agencies": {"f1": 0.80}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b30": {"targets": {"f1": 0.85, "exact_f1": 0.64}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.94}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    # b31-b42 (this session; twelve batches scored once blind, three at a time, each group with the
    # fixes of every batch before it: pooled blind b31-b33 agencies 0.514, b34-b36 0.776, b37-b39
    # 0.774, b40-b42 0.714; the last group's targets 0.750 / exact 0.596): fixed since; each floor
    # 0.02 below the lower of the two modes (NLP on, CHITIEU_NLP=0); b41 holds no target
    "b31": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.75}, "references": {"f1": 0.98, "exact_f1": 0.95}, "sections": {"f1": 0.96}},
    "b32": {"targets": {"f1": 0.78, "exact_f1": 0.64}, "deadlines": {"f1": 0.98, "exact_f1": 0.81},
            "agencies": {"f1": 0.8}, "references": {"f1": 0.98, "exact_f1": 0.95}, "sections": {"f1": 0.91}},
    "b33": {"targets": {"f1": 0.98, "exact_f1": 0.86}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.9}, "references": {"f1": 0.98, "exact_f1": 0.93}, "sections": {"f1": 0.98}},
    "b34": {"targets": {"f1": 0.98, "exact_f1": 0.89}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.84}, "references": {"f1": 0.95, "exact_f1": 0.95}, "sections": {"f1": 0.98}},
    "b35": {"targets": {"f1": 0.96, "exact_f1": 0.95}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.79}, "references": {"f1": 0.98, "exact_f1": 0.95}, "sections": {"f1": 0.98}},
    "b36": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.96}, "references": {"f1": 0.98, "exact_f1": 0.95}, "sections": {"f1": 0.98}},
    "b37": {"targets": {"f1": 0.89, "exact_f1": 0.76}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.86}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b38": {"targets": {"f1": 0.92, "exact_f1": 0.79}, "deadlines": {"f1": 0.88, "exact_f1": 0.88},
            "agencies": {"f1": 0.52}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.94}},
    "b39": {"targets": {"f1": 0.91, "exact_f1": 0.71}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.87}, "references": {"f1": 0.98, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
    "b40": {"targets": {"f1": 0.91, "exact_f1": 0.86}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.7}, "references": {"f1": 0.98, "exact_f1": 0.91}, "sections": {"f1": 0.98}},
    "b41": {"targets": {"f1": 0.98, "exact_f1": 0.0}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.80}, "references": {"f1": 0.98, "exact_f1": 0.93}, "sections": {"f1": 0.98}},
    "b42": {"targets": {"f1": 0.9, "exact_f1": 0.7}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.89}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b43": {"targets": {"f1": 0.96, "exact_f1": 0.8}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.93}, "references": {"f1": 0.96, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
    "b44": {"targets": {"f1": 0.96, "exact_f1": 0.85}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.98}, "references": {"f1": 0.98, "exact_f1": 0.93}, "sections": {"f1": 0.98}},
    "b45": {"targets": {"f1": 0.9, "exact_f1": 0.76}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.98}, "references": {"f1": 0.98, "exact_f1": 0.95}, "sections": {"f1": 0.98}},
    "b46": {"targets": {"f1": 0.84, "exact_f1": 0.45}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.34}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.95}},
    "b47": {"targets": {"f1": 0.73, "exact_f1": 0.66}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.82}, "references": {"f1": 0.94, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
    "b48": {"targets": {"f1": 0.8, "exact_f1": 0.71}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.88}, "references": {"f1": 0.98, "exact_f1": 0.92}, "sections": {"f1": 0.98}},
    "b49": {"targets": {"f1": 0.76, "exact_f1": 0.6}, "deadlines": {"f1": 0.83, "exact_f1": 0.83},
            "agencies": {"f1": 0.18}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b50": {"targets": {"f1": 0.87, "exact_f1": 0.65}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.73}, "references": {"f1": 0.98, "exact_f1": 0.94}, "sections": {"f1": 0.96}},
    "b51": {"targets": {"f1": 0.78, "exact_f1": 0.78}, "deadlines": {"f1": 0.83, "exact_f1": 0.55},
            "agencies": {"f1": 0.58}, "references": {"f1": 0.96, "exact_f1": 0.95}, "sections": {"f1": 0.98}},
    "b52": {"targets": {"f1": 0.75, "exact_f1": 0.75}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.73}, "references": {"f1": 0.97, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
    "b53": {"targets": {"f1": 0.92, "exact_f1": 0.45}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.74}, "references": {"f1": 0.98, "exact_f1": 0.89}, "sections": {"f1": 0.98}},
    "b54": {"targets": {"f1": 0.98, "exact_f1": 0.88}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.85}, "references": {"f1": 0.96, "exact_f1": 0.93}, "sections": {"f1": 0.98}},
    "b55": {"targets": {"f1": 0.42, "exact_f1": 0.42}, "deadlines": {"f1": 0.83, "exact_f1": 0.83},
            "agencies": {"f1": 0.77}, "references": {"f1": 0.9, "exact_f1": 0.74}, "sections": {"f1": 0.98}},
    "b56": {"targets": {"f1": 0.95, "exact_f1": 0.81}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.68}, "references": {"f1": 0.98, "exact_f1": 0.89}, "sections": {"f1": 0.98}},
    "b57": {"targets": {"f1": 0.9, "exact_f1": 0.71}, "deadlines": {"f1": 0.78, "exact_f1": 0.78},
            "agencies": {"f1": 0.88}, "references": {"f1": 0.95, "exact_f1": 0.89}, "sections": {"f1": 0.98}},
    "b58": {"targets": {"f1": 0.91, "exact_f1": 0.85}, "deadlines": {"f1": 0.93, "exact_f1": 0.93},
            "agencies": {"f1": 0.2}, "references": {"f1": 0.94, "exact_f1": 0.86}, "sections": {"f1": 0.98}},
    "b59": {"targets": {"f1": 0.98, "exact_f1": 0.9}, "deadlines": {"f1": 0.8, "exact_f1": 0.8},
            "agencies": {"f1": 0.85}, "references": {"f1": 0.97, "exact_f1": 0.8}, "sections": {"f1": 0.98}},
    # b60–b69 (this session's blind batches; README "Accuracy on real text"); references exact on b14, b18,
    # b19, b24, b53, b58, b59 lowered: a reference's date is now read only where it is printed at the
    # mention (GUIDELINES), where those golds took it from the sentence's opening day
    "b60": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.83}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b61": {"targets": {"f1": 0.98, "exact_f1": 0.98}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.2}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b62": {"targets": {"f1": 0.96, "exact_f1": 0.96}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.91}, "references": {"f1": 0.98, "exact_f1": 0.92}, "sections": {"f1": 0.98}},
    "b63": {"targets": {"f1": 0.78, "exact_f1": 0.78}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.94}, "references": {"f1": 0.98, "exact_f1": 0.9}, "sections": {"f1": 0.98}},
    "b64": {"targets": {"f1": 0.98, "exact_f1": 0.96}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.82}, "references": {"f1": 0.98, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
    "b65": {"targets": {"f1": 0.92, "exact_f1": 0.74}, "deadlines": {"f1": 0.88, "exact_f1": 0.88},
            "agencies": {"f1": 0.74}, "references": {"f1": 0.96, "exact_f1": 0.87}, "sections": {"f1": 0.98}},
    "b66": {"targets": {"f1": 0.93, "exact_f1": 0.89}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.79}, "references": {"f1": 0.98, "exact_f1": 0.93}, "sections": {"f1": 0.98}},
    "b67": {"targets": {"f1": 0.94, "exact_f1": 0.94}, "deadlines": {"f1": 0.91, "exact_f1": 0.91},
            "agencies": {"f1": 0.89}, "references": {"f1": 0.98, "exact_f1": 0.88}, "sections": {"f1": 0.98}},
    "b68": {"targets": {"f1": 0.89, "exact_f1": 0.85}, "deadlines": {"f1": 0.98, "exact_f1": 0.98},
            "agencies": {"f1": 0.48}, "references": {"f1": 0.98, "exact_f1": 0.98}, "sections": {"f1": 0.98}},
    "b69": {"targets": {"f1": 0.73, "exact_f1": 0.54}, "deadlines": {"f1": 0.79, "exact_f1": 0.79},
            "agencies": {"f1": 0.41}, "references": {"f1": 0.94, "exact_f1": 0.94}, "sections": {"f1": 0.98}},
}


def _check(result: dict, floors: dict) -> list[str]:
    low = []
    for kind, wants in floors.items():
        for measure, floor in wants.items():
            got = result[kind].get(measure, 0.0)
            if got < floor:
                low.append(f"{kind} {measure} {got:.3f} < {floor}")
    return low


def test_shared_real_floors():
    low = _check(score_folder(SHARED_REAL / "texts", SHARED_REAL / "gold"), SHARED_FLOORS)
    assert not low, "; ".join(low)


@pytest.mark.parametrize("batch", sorted(BATCH_FLOORS))
def test_batch_floors(batch):
    folder = REAL / batch
    low = _check(score_folder(folder / "texts", folder / "gold"), BATCH_FLOORS[batch])
    assert not low, "; ".join(low)
