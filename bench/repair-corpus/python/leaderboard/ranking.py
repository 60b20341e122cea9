"""Competition ranking ("1224"): tied players share a rank and the next rank is skipped."""


def rank_players(scores):
    """scores maps name -> points; returns [(rank, name, points)], best first."""
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    result = []
    rank = 0
    previous = None
    for position, (name, points) in enumerate(ordered, start=1):
        if points != previous:
            rank = position
            previous = points
        result.append((position, name, points))
    return result


def podium(scores):
    """Names of everyone ranked in the top three."""
    return [name for rank, name, _ in rank_players(scores) if rank <= 3]


def rank_of(scores, player):
    for rank, name, _ in rank_players(scores):
        if name == player:
            return rank
    raise KeyError(player)
