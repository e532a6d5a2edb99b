"""Forum threads and Q&A pages in plain text (session 48): a thread's posts, each a poster
over its time over its text, are found in more of the forms real forums write them."""

from __future__ import annotations

from test_boilerplate_structures import _clean, _page

MENU = ["Inicio", "Foros", "Bricolaje", "Normas", "Contacto"]
FOOT = ["Aviso legal", "Política de privacidad", "© 2025 Foro Bricolaje"]

# a Spanish thread: its dates written "5 de abril de 2025"
THREAD_ES = [
    ["miguel_navarro", "5 de abril de 2025",
     "He probado lo típico pero de momento nada ha funcionado con la junta de la ducha. "
     "¿Alguien sabe qué silicona usar?", "Responder"],
    ["sara639", "6 de abril de 2025", "Usa silicona sanitaria y déjala curar al menos 24 horas.",
     "Responder"],
    ["diego_r", "7 de abril de 2025", "Me pasa lo mismo.", "Responder"],
]  # fmt: skip


def test_a_spanish_threads_dates_are_its_posts_times(run_stage):
    """ "5 de abril de 2025" is a post's time: a Spanish forum's thread was no thread (its
    dates unread, "de" between the day and the month) and its short replies were lost."""
    kept, _ = _clean(run_stage, _page(MENU, ["Silicona para la junta de la ducha"], *THREAD_ES, FOOT))
    said = [x for post in THREAD_ES for x in post[:3]]  # (posters and times: the bylines)
    assert [x for x in kept if x in said] == said
