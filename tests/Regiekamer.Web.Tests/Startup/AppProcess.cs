using System.Diagnostics;
using System.Text;

namespace Regiekamer.Web.Tests.Startup;

/// <summary>What the app wrote to stdout and stderr, and how it ended (null while it was still running and we stopped it).</summary>
public sealed record AppRun(int? ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit code {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(still running)"}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// The built web app (Regiekamer.Web.dll next to the tests) as an operator starts it: a process of its own with its
/// settings in the environment, its content root the project folder (appsettings.json), logging to the console.
/// </summary>
public static class AppProcess
{
    /// <summary>Starts the app and waits until it has started (then stops it) or exited by itself.</summary>
    public static async Task<AppRun> RunUntilStartedAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = Path.Combine(AppContext.BaseDirectory, "Regiekamer.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is not next to the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(Infrastructure.Repository.Root, "src", "Regiekamer.Web"),
        };
        start.ArgumentList.Add(dll);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Database__Provider", "Database__MigrateOnStartup", "ConnectionStrings__Regiekamer", "Demo__Seed" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stdout)
            {
                stdout.Append(e.Data).Append('\n');
            }

            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(started.Task, exited, Task.Delay(timeout));
        int? exitCode = null;
        if (first == exited)
        {
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.True(first == started.Task, $"The app neither started nor exited within {timeout.TotalSeconds} s:\n{stdout}\n{stderr}");
        }

        // Let the last lines arrive.
        process.WaitForExit();
        lock (stdout)
        {
            lock (stderr)
            {
                return new AppRun(exitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }
}
