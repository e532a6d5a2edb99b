"""Service pages, what session 50 left (s49 acc-service S6, S9, S10): a recipe's shopping-list
and cart buttons, a test magazine's unlock button and its price, a podcast's follow button,
a video's length, a contents label over a removed contents list, a price at a big shop (plain
text); a podcast's chapters and its transcript's timestamps written as seek links (HTML). The
pages are written for these tests, not taken from the acceptance set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.service import (
    CART_REASON,
    CONTENTS_REASON,
    DURATION_REASON,
    FOLLOW_REASON,
    PICK_REASON,
    PLATFORM_REASON,
    PRICE_REASON,
    SHOP_REASON,
    UNLOCK_REASON,
    service_chrome,
)

PROSE = "Knead the dough for ten minutes until it is smooth and springs back when pressed."


def test_a_service_pages_buttons_and_widgets_are_removed() -> None:
    """Buttons the line model kept among a recipe's and a review's short lines are removed
    with their reasons: a cart button and the shopping list's name over it, an unlock
    button and its price, a follow button under a listen-on button, a product box's label
    over its removed offer, a price at a big shop, a contents label over its removed list."""
    lines = ["250 g flour", "Shopping list", "Order ingredients from Ocado", PROSE,
             "Jetzt freischalten", "4,90 €", PROSE, "Listen on Spotify", "Seguir", PROSE,
             "Our pick: Cast-iron skillet", "$25 at Target", PROSE, "Pixel 9 - 899 € en Amazon",
             "Table of contents", "1. Mixing", PROSE]  # fmt: skip
    keep = [True] * len(lines)
    keep[11] = keep[15] = False  # (the offer and the contents list, removed already)
    assert service_chrome(lines, keep) == {
        1: CART_REASON, 2: CART_REASON, 4: UNLOCK_REASON, 5: PRICE_REASON, 7: PLATFORM_REASON,
        8: FOLLOW_REASON, 10: PICK_REASON, 13: SHOP_REASON, 14: CONTENTS_REASON,
    }  # fmt: skip


def test_the_articles_own_lines_of_the_same_words_stay() -> None:
    """A shopping list's name over the article's kept list, a contents label over a kept
    list, a price "en" a place, a follow word between kept lines and a transcript's
    timestamps counting up are the article's."""
    lines = ["Shopping list", "2 onions", "1 kg potatoes", PROSE, "Contents", "1. Mixing",
             PROSE, "999 € en Madrid", PROSE, "Follow", PROSE, "0:05", PROSE, "1:40",
             PROSE]  # fmt: skip
    assert service_chrome(lines, [True] * len(lines)) == {}


def test_a_videos_length_over_its_transcripts_timestamps_is_removed() -> None:
    """The page's first bare clock time, under a removed player line and longer than the
    transcript's next timestamp, is the video's length; the timestamps stay."""
    lines = ["Watch on YouTube", "12:47", PROSE, "0:05", PROSE, "1:42", PROSE]
    keep = [False] + [True] * 6
    assert service_chrome(lines, keep) == {1: DURATION_REASON}


def test_a_shopping_list_button_leaves_the_record(run_stage: Any) -> None:
    """Through the stage: a recipe's cart buttons between its ingredients and its method
    leave the text; the ingredients and the method stay."""
    text = "\n\n".join([
        "Home\nRecipes\nBaking", "Plain white loaf",
        "A simple white loaf that needs nothing more than flour, water, yeast and salt, and "
        "about three hours of mostly waiting.",
        "Ingredients", "500 g strong white flour\n7 g dried yeast\n10 g salt\n320 ml warm water",
        "Add to shopping list", "Alle Zutaten in den Warenkorb", "Method",
        "Mix the flour, yeast and salt in a large bowl, then pour in the water and stir until "
        "a rough dough forms.",
        "Knead the dough for ten minutes on a floured surface until it is smooth and elastic, "
        "then leave it to rise for an hour.",
        "Shape it, put it in a tin, let it rise again and bake it at 220 °C for 30 minutes.",
        "© 2025 Loaf Kitchen",
    ])  # fmt: skip
    doc = run_stage(BoilerplateStage, make_document(text)).kept[0]
    kept = doc.text.split("\n")
    assert "Add to shopping list" not in kept
    assert {"500 g strong white flour", "320 ml warm water", "Method"} <= set(kept)


CHAPTERS = (Path(__file__).parent / "data" / "service51_chapters.html").read_text("utf-8")


def test_html_chapters_and_timestamps_written_as_seek_links_are_kept(run_stage: Any) -> None:
    """A podcast's chapters (a list of "?t=" seek links with short titles) and the lone
    timestamps between its transcript's turns: trafilatura dropped them as links and as a
    "timestamp" class; they are the episode's, in their place. The tree is given back as
    parsed (the links and the class) for the metadata stage."""
    doc = make_document(CHAPTERS, path="span.html", html=True)
    doc = run_stage(BoilerplateStage, doc).kept[0]
    kept = doc.text.split("\n")
    assert kept[kept.index("Chapters") + 1 : kept.index("Chapters") + 4] == [
        "- 00:00 Start", "- 04:10 The hum", "- 12:30 Dampers"]  # fmt: skip
    assert kept.index("04:10") == kept.index("Transcript") + 3
    assert kept.index("12:30") == kept.index("04:10") + 3
    stamps = doc.work["html_tree"].xpath('//p[@class="timestamp"]/a[@href="?t=04:10"]')
    assert len(stamps) == 1


def test_html_a_service_pages_buttons_leave_the_text() -> None:
    """Lines of an HTML page's text that are a button whole (a cart, a listen-on, an unlock
    button with its price, a subscribers' label) are found; a sentence naming a shopping
    list or Spotify is not."""
    from corearchive_plugins.boilerplate.service import html_buttons

    lines = ["Ajouter à ma liste de courses", "Bei Apple Podcasts anhören", "2,99 €",
             "Jetzt freischalten", "Article réservé aux abonnés",
             "Add the leeks to your shopping list before you go.",
             "The show is on Spotify."]  # fmt: skip
    assert html_buttons(lines) == [0, 1, 2, 3, 4]


def test_a_recipes_step_labels_nutrition_line_and_single_item_are_kept() -> None:
    """Lines the line model removed as a menu's items: a step's label when another of the
    page's step labels is kept, a line of nutrition facts under its label after the last
    step (tab-, "~"- or space-parted), a kept label's only item before the next label."""
    from corearchive_plugins.boilerplate.service import (
        ITEM_REASON,
        NUTRITION_REASON,
        STEP_REASON,
        service_lines,
    )

    lines = [PROSE, "Tools", "1 kg loaf tin", "Buy it here", "Ingredients", "300 g flour",
             "Paso 1", PROSE, "Paso 2", PROSE, "Nutrition",
             "Calories: 310kcal ~ Fat: 9g ~ Protein: 7g", "Share this recipe"]  # fmt: skip
    keep = [True, True, False, False, True, True, True, True, False, True, False, False, False]
    short = [not k for k in keep]
    assert service_lines(lines, keep, short) == {
        2: ITEM_REASON, 8: STEP_REASON, 10: NUTRITION_REASON, 11: NUTRITION_REASON}  # fmt: skip


def test_a_lone_step_word_or_a_timetable_is_no_recipes_structure() -> None:
    """One step label alone, a line of clock times with colons and a removed line under a
    kept sentence are left as the model decided."""
    from corearchive_plugins.boilerplate.service import service_lines

    lines = [PROSE, "Step 1", PROSE, "Mon: 9:00 ~ Tue: 9:30 ~ Wed: 10:00", "Related", "Login"]
    keep = [True, False, True, False, False, False]
    assert service_lines(lines, keep, [not k for k in keep]) == {}


def test_a_reviews_pros_list_between_its_labels_is_kept_whole() -> None:
    """A pros item the model removed for a furniture word and the cons label it read as a
    teaser, between a kept pros label and kept cons items, are kept; a box whose items the
    model removed all is left as decided."""
    from corearchive_plugins.boilerplate.service import verdict_lists

    lines = [PROSE, "Points forts", "Silent motor", "Menu navigation", "Points faibles",
             "Heavy", PROSE, "Pros", "Share", "Cons", "Heavy"]  # fmt: skip
    keep = [True, True, True, False, False, True, True, False, False, False, True]
    assert verdict_lists(lines, keep) == [3, 4]


def test_a_french_how_heading_is_no_comment_sections() -> None:
    """The French heading "Comment nous testons" ("how we test") over a kept paragraph is
    kept; an English comment section's line and a talk heading are not."""
    from corearchive_plugins.boilerplate.service import how_headings

    lines = ["Comment nous testons", PROSE, "Comment on this story", PROSE, "Comment policy",
             PROSE, "Comment choisir son robot", "Buy"]  # fmt: skip
    keep = [False, True, False, True, False, True, False, False]
    assert how_headings(lines, keep, [not k for k in keep]) == [0]


def test_the_next_numbered_heading_after_a_kept_one_is_kept() -> None:
    """A review's second product heading, removed after its first one's shop buttons, is
    kept when the first is kept and a line under it too; not one whose number does not
    follow, nor one over a removed line."""
    from corearchive_plugins.boilerplate.service import NUMBERED_REASON, service_lines

    lines = ["1. Aerolux S3", PROSE, "$99 at Amazon", "2. Brisa Pro", PROSE, "4. Calma X",
             PROSE, "5. Related story", "Login"]  # fmt: skip
    keep = [True, True, False, False, True, False, True, False, False]
    assert service_lines(lines, keep, [not k for k in keep]) == {3: NUMBERED_REASON}


def test_a_live_blogs_latest_post_time_is_no_players_length() -> None:
    """A live blog's post times count down from the latest: its first, under a removed
    dateline, stays; a lone time under no player's line too."""
    lines = ["Updated 30 Oct", "22:41", PROSE, "21:10", PROSE, "19:02", PROSE]
    keep = [False] + [True] * 6
    assert service_chrome(lines, keep) == {}
    assert service_chrome(["Updated 30 Oct", "22:41", PROSE], [False, True, True]) == {}


def test_a_menus_kept_head_gives_no_labels_only_item() -> None:
    """A menu's items the model kept at the page's head ("Le Conseil d'État" /
    "Décisions, avis & publications" / "Actualités") are no label over its only item: the
    next label has no kept line under it."""
    from corearchive_plugins.boilerplate.service import service_lines

    lines = ["Aller au contenu", "Conseil d'État", "Le Conseil", "Décisions, avis & publications",
             "Accueil", "Actualités", "12 février 2024", PROSE]  # fmt: skip
    keep = [True, True, True, False, False, True, False, True]
    assert service_lines(lines, keep, [not k for k in keep]) == {}


def test_a_labels_only_item_needs_a_label_of_words() -> None:
    """A logo's URL or a tags' line over a short line is no label: the line under it (a
    site's name, a follow button) stays removed; "What you'll need" is one."""
    from corearchive_plugins.boilerplate.service import ITEM_REASON, service_lines

    lines = [PROSE, "https://example.org/logo.png", "Sputnik", "Logo", "News", PROSE,
             "Egypt, Coronavirus", "Follow", "Unfollow", "Community", PROSE,
             "What you'll need", "A bucket", "Buy now", "Method", PROSE]  # fmt: skip
    keep = [True, True, False, False, True, True, True, False, False, True, True, True, False,
            False, True, True]  # fmt: skip
    assert service_lines(lines, keep, [not k for k in keep]) == {12: ITEM_REASON}
