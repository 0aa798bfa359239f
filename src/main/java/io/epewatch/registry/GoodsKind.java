package io.epewatch.registry;

/** The kinds of tax-free goods an EPE stores (R1.1). */
public enum GoodsKind {
    RAW_MATERIALS,
    SEMI_FINISHED,
    FINISHED,
    SCRAP_REFUSE,
    OTHER_TAX_FREE
}
