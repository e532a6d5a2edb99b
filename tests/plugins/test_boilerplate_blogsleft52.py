# ruff: noqa: E501
"""Boilerplate of blog and newsletter pages left over from session 51's acc-blogs (session
52): a Ghost sign-up box's tagline, a guestbook's signed entries (no letter's sign-off),
what a Blogger page writes under its post's footer byline."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.chrome import post_footer_tail
from corearchive_plugins.boilerplate.mailing import box_taglines
from corearchive_plugins.boilerplate.signoff import sign_off_rows

#: A Portuguese Blogger post as w3m dumps it (s51 acc-blogs blg-pt-1)
PT_BLOGGER = [
    "  • Cozinha da Vó Nena",
    "",
    "domingo, 18 de outubro de 2026",
    "",
    "Bolo de fubá cremoso da vó Nena",
    "",
    "Este é o bolo que a minha avó fazia para o café da tarde de domingo. Ele separa em duas camadas no",
    "forno: uma de bolo e outra de creme, e ninguém na família sabe explicar direito por quê.",
    "",
    "Ingredientes",
    "",
    "  • 4 xícaras de leite",
    "  • 3 ovos",
    "  • 1 xícara de fubá",
    "  • 2 xícaras de açúcar",
    "  • 1 colher de sopa de fermento",
    "",
    "Bata tudo no liquidificador e asse em forma untada por cerca de 50 minutos a 180 graus. A massa é",
    "bem líquida mesmo, não se assuste.",
    "",
    "Postado por Helena Duarte às 15:32",
    "Enviar por e-mail",
    "Postar no blog!",
    "",
    "Marcadores: bolos, receitas de família",
    "",
    "2 comentários:",
    "",
    "Anônimo disse...",
    "",
    "Fiz hoje e ficou perfeito!",
    "",
    "19 de outubro de 2026 09:10",
    "",
    "Postar um comentário",
    "Postagem mais recente",
    "Postagem mais antiga",
    "Página inicial",
    "",
    "  • Arquivo do blog",
    "  • ▼ 2026 (9)",
    "  • ▼ outubro (2)",
    "",
    "Tema Simples. Tecnologia do Blogger.",
]

_PARA = "If you have never tried a reader, start with three sites you already visit every week. Give it a month."


def test_a_sign_up_box_s_tagline_goes_with_the_box() -> None:
    """Ghost's box: "Sign up for NAME" / its tagline / the form's messages. The call and the
    messages went; the tagline is the box's too."""
    lines = [
        _PARA,
        "",
        "Sign up for Platform Notes",
        "",
        "A weekly letter about the plumbing of the web.",
        "",
        "Email sent! Check your inbox to complete your signup.",
        "",
        "No spam. Unsubscribe anytime.",
    ]
    keep = [True, False, False, False, True, False, False, False, False]
    assert box_taglines(lines, keep) == [4]
    # (under a kept call, or with a kept line under it, the line is the text's)
    assert box_taglines(lines, [True, False, True, False, True, False, False, False, False]) == []
    assert box_taglines(lines, [True, False, False, False, True, False, True, False, False]) == []


def test_a_guestbook_s_signed_entries_are_no_sign_off() -> None:
    """A guestbook's entries each end with a greeting and a name, with the next entry under
    them: the model's decisions stand (a letter's sign-off ends its text)."""
    entry = "Wir sind sehr erstaunt und gleichzeitig hocherfreut, wie zügig alles geklappt hat, vielen Dank."
    nxt = "Wir durften einen wunderschönen Urlaub in der Villa erleben und kommen gerne wieder."
    lines = [
        entry,
        "Viele Grüße",
        "Christian",
        nxt,
        "We had a wonderful time in the villa, one of the most beautiful places we have been.",
        "Thanks",
        "Rob",
        nxt,
    ]
    keep = [True, False, False, True, True, False, False, True]
    assert sign_off_rows(lines, keep) == []
    # (a newsletter's sign-off at its end is kept)
    letter = [entry, "Until next week,", "Hannah", "Share", "Subscribe"]
    assert sign_off_rows(letter, [True, False, False, False, False]) == [1, 2]


def test_what_stands_under_a_blog_post_s_footer_byline_is_no_text(run_stage: Any) -> None:
    """Blogger ends a post's body with its footer byline ("Postado por X às 15:32"): the
    share buttons, the comments, the pager and the blog's footer under it go, in a language
    whose words the model does not know (s51 acc-blogs B18, Portuguese in w3m)."""
    text = "\n".join(PT_BLOGGER) + "\n"
    kept = run_stage(BoilerplateStage, make_document(text)).kept[0].text.split("\n")
    assert kept[-1].startswith("Bata tudo no liquidificador")
    assert "Ingredientes" in kept


def test_a_blog_front_page_s_posts_under_their_footers_stay() -> None:
    """With a footer byline under each post (a blog's front page), nothing is dropped."""
    lines = [
        "Bata tudo e asse.",
        "Postado por Helena Duarte às 15:32",
        "Bolo de fubá",
        "Postado por Helena Duarte às 11:02",
    ]
    assert post_footer_tail(lines, [True, False, True, False], [1, 3]) == []
    assert post_footer_tail(lines, [True, False, True, False], [1]) == [2]
