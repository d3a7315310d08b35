package org.insyn.app;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/** The headless Equinox application behind {@code insyn cli}: same bundles and services as the workbench. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        String version = FrameworkUtil.getBundle(getClass()).getVersion().toString();
        int code = new Cli(version, List.of()).run(Arrays.asList(args == null ? new String[0] : args), System.out, System.err);
        System.out.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // nothing to release: start() returns when its command is done
    }
}
