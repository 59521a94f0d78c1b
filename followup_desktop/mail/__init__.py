"""Mail brought in: a message or an invitation read within bounds (`message`), matched to the
contacts and employers (`match`), and what it does to the timeline (`intake`). No Qt."""
