"""data/quiz.yaml: its schema, both languages complete, enough questions per topic, no answer typed
in; and each way it can be broken gives one clear error naming the file, the key and the problem."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from explainers import quiz
from explainers.content import ContentError, content, load_content
from explainers.content.loader import DATA_DIR
from explainers.content.schema import LocalText, QuizQuestion

QUIZ = DATA_DIR / "quiz.yaml"


def _texts(q: QuizQuestion):
    yield "question", q.question
    if q.why is not None:
        yield "why", q.why
    for o in q.options:
        yield f"options[{o.id}].text", o.text
        yield f"options[{o.id}].why", o.why


def _all_questions():
    qf = content().quiz
    for tp in qf.topics:
        for q in tp.questions:
            yield tp, q
    for _page, q in qf.predict.items():
        yield None, q


def test_the_quiz_loads_with_enough_questions_per_topic():
    qf = content().quiz
    assert qf is not None
    counts = {tp.id: len(tp.questions) for tp in qf.topics}
    for topic in ("photonics", "neuromorphic", "ai_compute"):
        assert counts[topic] >= 8, counts
    assert counts["energy"] >= 6
    energy = next(tp for tp in qf.topics if tp.id == "energy")
    assert energy.hidden_until_page == "energy"
    assert {"photonics", "neuromorphic", "ai-compute"} <= set(qf.predict)


def test_each_topic_mixes_estimates_and_choices():
    for tp in content().quiz.topics:
        kinds = [q.kind for q in tp.questions]
        assert "estimate" in kinds and "choice" in kinds, tp.id
        if tp.id != "energy":
            assert kinds.count("estimate") >= 4 and kinds.count("choice") >= 2, tp.id


def test_every_text_is_in_both_languages_and_dutch_is_not_a_copy():
    for tp, q in _all_questions():
        if tp is not None:
            assert tp.title.en.strip() and tp.title.nl.strip()
        for where, text in _texts(q):
            assert isinstance(text, LocalText)
            assert text.en.strip() and text.nl.strip(), (q.id, where)
            if len(text.en) > 25:
                assert text.en != text.nl, (q.id, where, "untranslated")


def test_placeholders_match_between_the_languages():
    for _tp, q in _all_questions():
        for where, text in _texts(q):
            assert re.findall(r"\{\w+\}", text.en) == re.findall(r"\{\w+\}", text.nl), (q.id, where)
            assert set(re.findall(r"\{(\w+)\}", text.en)) <= {"answer"}, (q.id, where)
        if q.kind == "estimate":
            assert "{answer}" in q.why.en, q.id


def test_no_answer_is_typed_into_the_quiz_file():
    """An estimate's figure comes from its answer function; the file has no numbers for it to keep."""
    raw = yaml.safe_load(QUIZ.read_text(encoding="utf-8"))
    questions = [q for tp in raw["topics"] for q in tp["questions"]] + list(raw["predict"].values())
    for q in questions:
        assert not {"value", "answer_value", "correct_value"} & set(q), q["id"]
        if q["kind"] == "estimate":
            assert isinstance(q["answer"], str) and "." in q["answer"], q["id"]


def test_every_answer_function_exists_and_answers_its_kind():
    quiz.check_content(content())


# --- broken files -------------------------------------------------------------------------------------


@pytest.fixture()
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(data: Path, change) -> None:
    path = data / "quiz.yaml"
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(tree)
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _first(tree, topic="photonics", qid="crossover"):
    tp = next(t for t in tree["topics"] if t["id"] == topic)
    return next(q for q in tp["questions"] if q["id"] == qid)


def _error(data: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_content(data)
    return info.value


def _check_error(data: Path) -> ContentError:
    loaded = load_content(data)
    with pytest.raises(ContentError) as info:
        quiz.check_content(loaded)
    return info.value


def test_invalid_yaml_names_the_line(data):
    (data / "quiz.yaml").write_text("topics:\n  - id: x\n    title: {en: a, nl: b\n", encoding="utf-8")
    err = _error(data)
    assert err.file.endswith("quiz.yaml") and "line" in err.key and "YAML" in err.problem


def test_a_missing_dutch_question(data):
    _edit(data, lambda tree: _first(tree)["question"].update(nl=""))
    err = _error(data)
    assert err.file.endswith("quiz.yaml")
    assert err.key == "topics[photonics].questions[crossover].question" and "Dutch" in err.problem


def test_a_missing_dutch_option_explanation(data):
    _edit(data, lambda tree: _first(tree, qid="copper_why")["options"][1]["why"].pop("nl"))
    err = _error(data)
    assert err.key == "topics[photonics].questions[copper_why].options[slower].why.nl" and "required" in err.problem.lower()


def test_a_number_typed_in_as_the_answer_is_refused(data):
    _edit(data, lambda tree: _first(tree).update(answer=2.8))
    err = _error(data)
    assert err.key == "topics[photonics].questions[crossover].answer"


def test_an_extra_value_field_is_refused(data):
    _edit(data, lambda tree: _first(tree).update(value=2.8))
    err = _error(data)
    assert err.key == "topics[photonics].questions[crossover].value" and "not permitted" in err.problem


def test_an_estimate_without_an_answer_function(data):
    _edit(data, lambda tree: _first(tree).pop("answer"))
    err = _error(data)
    assert err.key == "topics[photonics].questions[crossover]" and "'answer'" in err.problem


def test_a_slider_range_that_is_not_a_range(data):
    _edit(data, lambda tree: _first(tree).update(range=[5, 10]))
    err = _error(data)
    assert err.key == "topics[photonics].questions[crossover]" and "'range'" in err.problem


def test_a_choice_whose_right_answer_is_no_option(data):
    _edit(data, lambda tree: _first(tree, qid="copper_why").update(correct="nonsense"))
    err = _error(data)
    assert err.key == "topics[photonics].questions[copper_why]" and "'correct'" in err.problem


def test_a_duplicate_question_id(data):
    def dup(tree):
        tp = next(t for t in tree["topics"] if t["id"] == "photonics")
        tp["questions"].append(dict(tp["questions"][0]))

    _edit(data, dup)
    err = _error(data)
    assert err.key == "topics[photonics]" and "duplicate question id" in err.problem


def test_an_unknown_reference(data):
    _edit(data, lambda tree: _first(tree)["refs"].append("no_such_ref"))
    err = _error(data)
    assert err.key == "topics[photonics].questions[crossover].refs" and "no_such_ref" in err.problem


def test_an_unknown_scene(data):
    _edit(data, lambda tree: _first(tree)["link"].update(scene="no_such_scene"))
    err = _error(data)
    assert err.key == "topics[photonics].questions[crossover].link.scene" and "no_such_scene" in err.problem


def test_a_predict_entry_keyed_by_something_else_than_a_page(data):
    _edit(data, lambda tree: tree["predict"].update({"Not A Page": tree["predict"]["photonics"]}))
    err = _error(data)
    assert err.key == "-" or err.key.startswith("predict") or "url path" in err.problem
    assert "url path" in err.problem


def test_an_unknown_answer_function(data):
    _edit(data, lambda tree: _first(tree).update(answer="photonics.no_such_thing"))
    err = _check_error(data)
    assert err.file.endswith("quiz.yaml")
    assert err.key == "topics[photonics].questions[crossover].answer" and "no answer function" in err.problem


def test_parameters_the_answer_function_does_not_take(data):
    _edit(data, lambda tree: _first(tree)["params"].update(colour="blue"))
    err = _check_error(data)
    assert err.key == "topics[photonics].questions[crossover].params" and "colour" in err.problem


def test_a_parameter_value_the_page_would_not_accept(data):
    _edit(data, lambda tree: _first(tree)["params"].update(rate=123456))
    err = _check_error(data)
    assert err.key == "topics[photonics].questions[crossover].answer" and "rate" in err.problem


def test_a_choice_answer_function_for_an_estimate(data):
    _edit(data, lambda tree: _first(tree).update(answer="photonics.mzi_port", params={"phi": 1}))
    err = _check_error(data)
    assert err.key == "topics[photonics].questions[crossover].answer" and "choice" in err.problem


def test_a_link_to_a_page_that_is_not_a_topic_page(data):
    _edit(data, lambda tree: _first(tree)["link"].update(page="nowhere", scene=None))
    err = _check_error(data)
    assert err.key == "topics[photonics].questions[crossover].link.page" and "nowhere" in err.problem


def test_link_values_the_page_would_not_accept(data):
    _edit(data, lambda tree: _first(tree)["link"].update(params={"d_m": "far"}))
    err = _check_error(data)
    assert err.key == "topics[photonics].questions[crossover].link.params" and "d_m" in err.problem


def test_a_hidden_topic_may_link_to_its_page_before_it_exists(data):
    def link_energy(tree):
        tp = next(t for t in tree["topics"] if t["id"] == "energy")
        tp["questions"][0]["link"] = {"page": "energy"}

    _edit(data, link_energy)
    from explainers import topics

    if topics.by_url_path("energy") is None:
        quiz.check_content(load_content(data))  # no error while the page does not exist


def test_the_quiz_file_is_optional(data):
    (data / "quiz.yaml").unlink()
    assert load_content(data).quiz is None
