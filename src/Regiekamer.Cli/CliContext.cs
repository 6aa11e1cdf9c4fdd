using System.CommandLine;
using System.Globalization;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Cli;

/// <summary>What every command shares: the output writers, the clock, the environment and the --language option.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, TimeProvider time, Func<string, string?> environment)
{
    public Option<string> Language { get; } = new Option<string>("--language")
    {
        Description = "Taal van meldingen en fouten: nl of en. / Language of messages and errors: nl or en.",
        HelpName = "nl|en",
        DefaultValueFactory = _ => "nl",
        Recursive = true,
    }.AcceptOnlyFromAmong("nl", "en");

    public TimeProvider Time { get; } = time;

    /// <summary>Today in the machine's time zone: the default of --on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetLocalNow().DateTime);

    /// <summary>Who the audit trail records for a change made from the command line: the OS account running it.</summary>
    public static Actor Operator => Actor.Cli(System.Environment.UserName);

    public string? Environment(string name) => environment(name) is { Length: > 0 } value ? value : null;

    public CultureInfo Culture(ParseResult parse) => parse.GetValue(Language) == "en" ? Formats.English : Formats.Dutch;

    /// <summary>The command's result on stdout, written in one go only when the command succeeds; always ends with a newline.</summary>
    public void Output(string text)
    {
        stdout.Write(text.EndsWith('\n') ? text : text + "\n");
    }

    public void Error(string line) => stderr.Write(line + "\n");

    /// <summary>Every error, one per line, and exit code 1.</summary>
    public int Fail(IEnumerable<DomainError> errors, CultureInfo culture)
    {
        foreach (var error in errors)
        {
            Error(error.Message.For(culture));
        }

        return Cli.BadInput;
    }

    public void Note(Bilingual text, CultureInfo culture) =>
        Error((Formats.IsDutch(culture) ? "Let op: " : "Note: ") + text.For(culture));
}
