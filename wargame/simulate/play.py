"""One simulated exercise: plan to end, every turn, every inject, through the engine.

Per turn: each delegation (in the scenario's order) passes on the messages relayed through
it by hand that are due (manual relays: as many turns after they reached it as its policy
takes to acknowledge), acknowledges what is due, meets its
expected responses if its policy does, answers the pause moments awaiting it (a hawk
declines, a random delegation tosses a coin, the others accept), makes its moves and perhaps
a hotline call, and, playing dove or cbm-compliant, proposes a two-turn pause to the
partner it stands highest with once that pair is two rungs or more up the ladder and no
pause on it is pending, in force or was declined this turn or the last (a mediator brokers
one between the highest pair of others); then the adjudicator decides the
pending moves; then each delegation reads the moves it saw.
All randomness comes from one ``random.Random`` seeded from (seed, run index).
"""

from __future__ import annotations

import random
from typing import Any

from wargame.errors import ActionRefused
from wargame.engine.actions import FACILITATOR
from wargame.engine.fold import new_state
from wargame.engine.objectives import expectation_results
from wargame.engine.pauses import awaiting, binds, in_force
from wargame.engine.rules_hotline import open_route
from wargame.engine.rules_relay import held_at
from wargame.engine.state import ExerciseState, MoveRecord, PauseRecord
from wargame.engine.visibility import can_see_move
from wargame.model import MoveType, Scenario
from wargame.simulate.actions import act
from wargame.simulate.catalogue import Catalogue
from wargame.simulate.policies import Policy, PolicySet

DEFAULT_TURN_SECONDS = 20 * 60  # exercise time per turn when the scenario sets no timebox
PAUSE_LEVEL = 2  # a peacemaker proposes a pause once a pair stands this many rungs up
PAUSE_TURNS = 2
PEACEMAKERS = ("dove", "cbm-compliant")


def run_seed(seed: int, index: int) -> random.Random:
    """The run's generator: a function of (seed, index) only, whichever process plays it."""
    return random.Random(f"wargame-simulate:{seed}:{index}")


class SimulatedRun:
    def __init__(self, scenario: Scenario, policies: PolicySet, catalogue: Catalogue,
                 rng: random.Random):
        self.scenario = scenario
        self.policies = policies
        self.catalogue = catalogue
        self.rng = rng
        self.state: ExerciseState = new_state(scenario)
        self.actors = [d.id for d in scenario.actors]
        self.refused: list[str] = []  # the engine's refusals (a policy asked for too much)
        self.ack_due: dict[str, int] = {}
        self.relay_due: dict[tuple[str, str], int] = {}  # (message, relay) -> turn
        self.turn_seconds = scenario.clock.timebox or DEFAULT_TURN_SECONDS
        self.clock = 0.0

    # -- the course of the exercise ---------------------------------------------------
    def play(self) -> ExerciseState:
        self._do("phase", {"to": "exercise"}, FACILITATOR)
        for turn in range(1, self.scenario.clock.turns + 1):
            if turn > 1:
                self.clock = (turn - 1) * self.turn_seconds
                self._do("next-turn", {}, FACILITATOR)
            for delegation in self.actors:
                self._turn_of(delegation, self.policies.of(delegation))
            self._adjudicate()
            self._perceive()
        self._do("phase", {"to": "assess"}, FACILITATOR)
        self._do("end", {}, FACILITATOR)
        return self.state

    def _do(self, kind: str, payload: dict[str, Any], actor: str) -> bool:
        self.clock += 1
        try:
            act(self.state, kind, payload, actor, self.clock)
        except ActionRefused as refusal:
            self.refused.append(f"{kind} by {actor}: {refusal}")
            return False
        return True

    def _turn_of(self, me: str, policy: Policy) -> None:
        self._pass_on(me, policy)
        self._acknowledge(me, policy)
        self._answer_pauses(me, policy)
        if policy.name == "cbm-compliant":
            self._meet_expectations(me)
        count = self.rng.randint(*policy.moves)
        answered: set[str] = set()
        for _ in range(count):
            self._move(me, policy, answered)
        if policy.hotline and self.rng.random() < policy.hotline:
            self._call(me, policy)
        if policy.name in PEACEMAKERS:
            self._propose_pause(me)

    # -- pause moments ----------------------------------------------------------------
    def _declined_lately(self, pause: PauseRecord) -> bool:
        """A refusal stands for this turn and the next: a peacemaker asks again after that."""
        return (pause.answer == "decline" and pause.answered_turn is not None
                and pause.answered_turn >= self.state.turn - 1)

    def _answer_pauses(self, me: str, policy: Policy) -> None:
        for pause in awaiting(self.state, me):
            if policy.name == "hawk":
                answer = "decline"
            elif policy.name == "random":
                answer = self.rng.choice(("accept", "decline"))
            else:
                answer = "accept"
            self._do("answer-pause", {"pause": pause.id, "by": me, "answer": answer}, me)

    def _propose_pause(self, me: str) -> None:
        """To the partner ``me`` stands highest with (a mediator: between the highest pair of
        others), when that pair is high enough and no pause on it is pending or in force."""
        mediator = self.scenario.delegation(me).mediates
        best, level = None, PAUSE_LEVEL - 1
        for pair, dyad in self.state.dyads.items():
            if (me in pair) == mediator or dyad.level <= level:
                continue
            if mediator and any(self.scenario.delegation(d).mediates for d in pair):
                continue
            if any(binds(p, pair) and (p.answer == "" or in_force(self.state, p)
                                       or self._declined_lately(p))
                   for p in self.state.pauses.values()):
                continue
            best, level = pair, dyad.level
        if best is None:
            return
        a, b = sorted(best, key=self.actors.index)
        payload: dict[str, Any] = {"by": me, "turns": PAUSE_TURNS}
        if mediator:
            payload["between"] = [a, b]
        else:
            payload["with"] = b if a == me else a
        self._do("propose-pause", payload, me)

    # -- delegations ------------------------------------------------------------------
    def _partners(self, me: str) -> list[str]:
        return [a for a in self.actors if a != me]

    def _target(self, me: str, policy: Policy, move: MoveType,
                preferred: str | None = None) -> str | None:
        if move.target == "none":
            return None
        if preferred is not None:
            return preferred
        partners = self._partners(me)
        if policy.target in partners:
            return policy.target
        return self.rng.choice(partners) if partners else None

    def _make(self, me: str, move: MoveType, target: str | None, why: str) -> None:
        payload: dict[str, Any] = {"by": me, "type": move.id,
                                   "text": f"{move.name} (simulated: {why})"}
        if target is not None:
            payload["target"] = target
        self._do("move", payload, me)

    def _move(self, me: str, policy: Policy, answered: set[str]) -> None:
        catalogue = self.catalogue
        if policy.name == "tit-for-tat":
            last = self._last_move_against(me, answered)
            if last is not None:
                answered.add(last.id)
                seen = self._perceived(me, last)
                escalated = catalogue.rulebook.score_of(seen) > 0
                # In kind; a category without move types (nuclear, say) is answered by the
                # escalatory moves the catalogue has.
                pool = ((catalogue.by_category[seen] or catalogue.by_policy["hawk"])
                        if escalated else catalogue.by_policy["tit-for-tat"])
                move = catalogue.pick(self.rng, policy, pool)
                if move is not None:
                    self._make(me, move, self._target(me, policy, move, last.by),
                               f"tit-for-tat answers {last.id}")
                return
        move = catalogue.pick(self.rng, policy, catalogue.by_policy[policy.name])
        if move is not None:
            self._make(me, move, self._target(me, policy, move), policy.name)

    def _last_move_against(self, me: str, answered: set[str]) -> MoveRecord | None:
        """The other side's latest approved move of the previous turn that concerns ``me``."""
        previous = self.state.turn - 1
        for move in reversed(self.state.moves.values()):
            if move.turn < previous:
                return None
            if (move.turn == previous and move.status == "approved" and move.by != me
                    and move.target in (None, me) and move.id not in answered):
                return move
        return None

    def _perceived(self, me: str, move: MoveRecord) -> str:
        for perception in self.state.perceptions:
            if perception.by == me and perception.move == move.id:
                return perception.as_category
        return move.category

    def _meet_expectations(self, me: str) -> None:
        rulebook = self.catalogue.rulebook
        for result in expectation_results(self.state):
            if result.by != me or result.status != "open" or not rulebook.has_move(result.move):
                continue
            move = rulebook.move(result.move)
            target = None if move.target == "none" else self._closest_partner(me)
            self._make(me, move, target, f"expected after {result.inject}")

    def _closest_partner(self, me: str) -> str | None:
        """The partner whose pair with ``me`` stands highest (the scenario's order breaks ties)."""
        best, level = None, -1
        for partner in self._partners(me):
            dyad = self.state.dyads.get(self.scenario.dyad(me, partner))
            if dyad is not None and dyad.level > level:
                best, level = partner, dyad.level
        return best

    def _call(self, me: str, policy: Policy) -> None:
        partners = self._partners(me)
        if not partners:
            return
        to = policy.target if policy.target in partners else self.rng.choice(partners)
        if open_route(self.state, me, to) is None:
            return
        self._do("hotline", {"from": me, "to": to, "text": f"Simulated call from {me}"}, me)

    def _pass_on(self, me: str, policy: Policy) -> None:
        """Manual relays: a message waiting at ``me`` goes on once its delay has passed,
        drawn from the policy's ``ack_within`` when it arrived, so none stays stuck."""
        turn = self.state.turn
        for message in held_at(self.state, me):
            key = (message.id, me)
            due = self.relay_due.get(key)
            if due is None:
                due = self.relay_due[key] = message.arrived_at[0] + self.rng.randint(
                    *policy.ack_within)
            if turn >= due:
                self._do("relay", {"message": message.id, "by": me}, me)

    def _acknowledge(self, me: str, policy: Policy) -> None:
        turn = self.state.turn
        for message in list(self.state.messages.values()):
            if message.recipient != me or message.acknowledged or not message.delivered:
                continue
            due = self.ack_due.get(message.id)
            if due is None:
                # Counted from its arrival: the sending, unless it was relayed by hand.
                due = self.ack_due[message.id] = message.delivered_turn + self.rng.randint(
                    *policy.ack_within)
            if turn >= due:
                self._do("ack", {"message": message.id, "by": me}, me)

    # -- control ------------------------------------------------------------------------
    def _adjudicate(self) -> None:
        if self.scenario.rulebook.adjudication != "facilitator":
            return
        adjudicator = self.policies.adjudicator
        rulebook = self.scenario.rulebook
        limit = (rulebook.score_of(adjudicator.reject_above)
                 if adjudicator.reject_above is not None else None)
        for move in [m for m in self.state.moves.values() if m.status == "pending"]:
            decision = "approve"
            if limit is not None and rulebook.score_of(move.category) > limit:
                decision = "reject"
            elif adjudicator.reject and self.rng.random() < adjudicator.reject:
                decision = "reject"
            self._do("adjudicate", {"move": move.id, "decision": decision}, FACILITATOR)

    def _perceive(self) -> None:
        turn = self.state.turn
        made = [m for m in self.state.moves.values()
                if m.turn == turn and m.status != "retracted"]
        for move in made:
            for reader in self.actors:
                if reader == move.by or move.target not in (None, reader):
                    continue
                if not can_see_move(self.state, reader, move):
                    continue
                seen = move.intent
                misread = self.policies.of(reader).misread
                if misread and self.rng.random() < misread:
                    seen = self.catalogue.misread(self.rng, seen)
                self._do("perceive", {"by": reader, "move": move.id, "as": seen}, reader)


def play_run(scenario: Scenario, policies: PolicySet, catalogue: Catalogue, seed: int,
             index: int) -> SimulatedRun:
    run = SimulatedRun(scenario, policies, catalogue, run_seed(seed, index))
    run.play()
    return run
