package io.epewatch.kernel.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure means the database went away (or no connection came in time), not that the work was wrong. */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean causedBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // TransactionSystemException: the commit or rollback itself failed, i.e. the connection is gone
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
