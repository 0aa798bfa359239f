package io.epewatch.risk.engine;

import java.util.List;

import io.epewatch.declaration.Declaration;

/**
 * The facts the engine gathered around one passage, so that rules stay pure.
 *
 * @param exportDeclarations the enterprise's EXPORT declarations registered within the configured window
 */
record RuleContext(List<Declaration> exportDeclarations) {
}
