"""View → Progress: the search in figures, drawn (`ui/progress.py`), and a bar's applications
shown in the main list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from test_stats import NOW, a_search  # noqa: E402  (the search counted by hand there)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def leads(dataset):
    return a_search(dataset)


def open_progress(qtbot, window):
    progress = window.open_progress()
    qtbot.waitUntil(lambda: progress.figures is not None, timeout=10_000)
    return progress


def visible_keys(window) -> set[str]:
    from followup_desktop.ui.listmodel import KEY_ROLE

    proxy = window.proxy
    return {proxy.index(r, 0).data(KEY_ROLE) for r in range(proxy.rowCount())}


def click_bar(qtbot, chart, label: str) -> None:
    index = [b.label for b in chart.bars].index(label)
    chart.repaint()  # where each bar is drawn
    rect = next(r for r, i in chart._hits if i == index)
    qtbot.mouseClick(chart, Qt.LeftButton, pos=rect.center().toPoint())


def test_view_progress_is_in_the_view_menu_with_a_key(window):
    assert window.act_progress in window.menuBar().actions()[2].menu().actions()
    assert window.act_progress.shortcut().toString() == "Ctrl+Shift+P"


def test_the_bars_show_the_counts_counted_by_hand(qtbot, window):
    progress = open_progress(qtbot, window)
    assert progress.funnel.texts() == [
        ("Lead", "8"), ("Applied", "7 · 88% of 8"), ("Interviewing", "2 · 29% of 7"),
        ("Offer", "1 of 2 · not enough data yet"), ("Hired", "1 of 1 · not enough data yet")]
    assert dict(progress.by_source.texts())["Job posting"] == "1 of 4 · not enough data yet"
    assert dict(progress.by_channel.texts()) == {"Email": "1 of 2 · not enough data yet",
                                                 "Phone": "0 of 1 · not enough data yet"}
    assert progress.bet.texts() == [("Followed up", "1 of 4 · not enough data yet (follow-ups)"),
                                    ("Never followed up", "2 of 3 · not enough data yet (applications)")]
    assert [b.text for b in progress.days.bars] == ["0", "0", "1", "1", "1", "1", "0"]
    assert progress.days.marker[1] == "median 16 days"
    assert progress.slowest.texts() == [("Acme Corp", "14 days · 3 replies")]
    assert "8 applications · 7 applied to · answered after applying: 4 of 7 · 57%" in progress.headline.text()


def test_a_share_under_five_cases_draws_no_bar(qtbot, window):
    progress = open_progress(qtbot, window)
    posting = next(b for b in progress.by_source.bars if b.label == "Job posting")
    assert posting.length is None and posting.filled is None
    applied = progress.funnel.bars[1]
    assert applied.length == pytest.approx(7 / 8)


def test_every_chart_says_how_it_is_counted_and_reads_as_text(qtbot, window):
    progress = open_progress(qtbot, window)
    for chart in progress.charts:
        assert chart.toolTip() and "\n" not in chart.how
        assert chart.accessibleName() == chart.title
        assert all(bar.tip for bar in chart.bars)
    assert "Applied: 7 · 88% of 8" in progress.funnel.accessibleDescription()
    assert "median 16 days" in progress.days.accessibleDescription()


def test_a_click_on_a_bar_shows_exactly_its_applications_in_the_list(qtbot, window):
    progress = open_progress(qtbot, window)
    click_bar(qtbot, progress.funnel, "Interviewing")
    assert visible_keys(window) == {"a2", "a8"}
    assert window.filtered_line.isVisible()
    assert window.filtered_line.label.text() == "Filtered: 2 applications — reached interviewing"
    qtbot.mouseClick(window.filtered_line.clear_button, Qt.LeftButton)
    assert len(visible_keys(window)) == 8
    assert not window.filtered_line.isVisible()


def test_enter_on_the_bar_chosen_with_the_arrows_filters_the_list(qtbot, window):
    progress = open_progress(qtbot, window)
    chart = progress.by_channel
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key_Down)  # from Email to Phone
    qtbot.keyClick(chart, Qt.Key_Return)
    assert visible_keys(window) == {"a3"}
    assert "Phone" in window.filtered_line.label.text()


def test_escape_closes_the_view_and_the_menu_brings_it_back(qtbot, window):
    progress = open_progress(qtbot, window)
    qtbot.waitActive(progress)
    qtbot.keyClick(progress.period, Qt.Key_Escape)
    assert not progress.isVisible()
    window.act_progress.trigger()
    assert window.progress_window is progress and progress.isVisible()


def test_the_period_counts_again_off_the_gui_thread(qtbot, window):
    progress = open_progress(qtbot, window)
    first = progress.figures
    progress.period.setCurrentIndex(0)  # last 30 days
    qtbot.waitUntil(lambda: progress.figures is not first, timeout=10_000)
    assert progress.figures.period == "30"
    assert progress.funnel.texts()[0] == ("Lead", "2")
    click_bar(qtbot, progress.funnel, "Applied")
    assert visible_keys(window) == {"a9"}
    assert window.filtered_line.label.text() == "Filtered: 1 application — reached applied (last 30 days)"


def test_the_filtered_line_counts_what_a_filter_button_leaves(qtbot, window):
    progress = open_progress(qtbot, window)
    click_bar(qtbot, progress.funnel, "Applied")
    assert window.filtered_line.label.text() == "Filtered: 7 applications — reached applied"
    window.show_filter("closed")
    assert visible_keys(window) == {"a2", "a3", "a8"}
    assert window.filtered_line.label.text() == "Filtered: 3 applications — reached applied"


def test_copy_as_image_puts_the_charts_on_the_clipboard(qtbot, window):
    progress = open_progress(qtbot, window)
    QApplication.clipboard().clear()
    qtbot.mouseClick(progress.copy_button, Qt.LeftButton)
    image = QApplication.clipboard().image()
    assert not image.isNull() and image.width() >= progress.page.width()


@pytest.mark.parametrize("leads", [None])
def test_with_no_data_every_chart_says_so(qtbot, window):
    progress = open_progress(qtbot, window)
    assert progress.headline.text() == "No applications yet: the figures come with your first ones."
    for chart in progress.charts:
        assert chart.is_empty()
        assert chart.accessibleDescription() == f"{chart.title}: {chart.empty_text}"
    # nothing to click: a click anywhere leaves the list alone
    qtbot.mouseClick(progress.funnel, Qt.LeftButton, pos=QPoint(50, 10))
    assert getattr(window, "filtered_line", None) is None


def test_a_new_event_counts_again_while_the_view_is_open(qtbot, window):
    progress = open_progress(qtbot, window)
    first = progress.figures
    window.workspace.log_event("a9", {"kind": "reply", "at": NOW.replace(hour=9), "outcome": "no_decision"})
    qtbot.waitUntil(lambda: progress.figures is not first and "a9" in progress.figures.replied, timeout=10_000)
    assert progress.funnel.texts()[0] == ("Lead", "8")


def test_the_figures_are_counted_on_a_worker_thread(qtbot, window, monkeypatch):
    import threading

    from followup_desktop import stats

    threads = []
    real = stats.read_file

    def counting(*args, **kw):
        threads.append(threading.current_thread())
        return real(*args, **kw)

    monkeypatch.setattr(stats, "read_file", counting)
    progress = open_progress(qtbot, window)
    assert progress.figures is not None
    assert threads and threading.main_thread() not in threads
