package io.epewatch.identity;

/** A customs unit. Sub-departments hang under a department. */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, Board board) {

    public boolean itBoard() {
        return kind == UnitKind.HQ_BOARD && board == Board.IT;
    }
}
