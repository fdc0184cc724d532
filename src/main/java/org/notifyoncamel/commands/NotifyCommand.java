package org.notifyoncamel.commands;

/** A one-off operator command, run by {@link CommandLauncher}. */
public interface NotifyCommand {

    /** The dashed name typed after {@code command}. */
    String name();

    /** Usage and options, printed for {@code --help}. */
    String help();

    /** Runs the command; returns the process exit status. */
    int run(String[] options);
}
