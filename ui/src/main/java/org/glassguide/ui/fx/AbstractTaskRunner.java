package org.glassguide.ui.fx;

import org.glassguide.ui.fx.viewmodel.TaskRunner;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The running flag, progress and status line every task runner shows, written only on the UI thread. */
abstract class AbstractTaskRunner implements TaskRunner {
    protected final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    protected final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    protected final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("ready");

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
