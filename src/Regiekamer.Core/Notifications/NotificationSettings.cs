using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Regiekamer.Core.Notifications;

/// <summary>
/// When reminders go out and who else hears of the department's work: <c>Reminders:DeadlineDays</c> (30,7,1),
/// <c>Reminders:ResponseDays</c> (3), <c>Reminders:ReportOverdueDays</c> (7), <c>Reminders:ReviewWaitingDays</c> (14), <c>Notifications:DepartmentEmail</c>
/// (none), <c>Notifications:RetentionDays</c> (365), <c>Notifications:MailAttempts</c> (5).
/// </summary>
public sealed record NotificationSettings
{
    /// <summary>Days before a partnership's last day (R8) that it is reminded when it has not submitted, most distant first.</summary>
    public IReadOnlyList<int> DeadlineDays { get; init; } = [30, 7, 1];

    /// <summary>Days before the response date of a request for changes that the partnership is reminded.</summary>
    public int ResponseDays { get; init; } = 3;

    /// <summary>While an annual report is overdue (R15), the partnership is reminded every this many days.</summary>
    public int ReportOverdueDays { get; init; } = 7;

    /// <summary>Case handlers hear of a dossier that has waited longer than this in submitted or under review.</summary>
    public int ReviewWaitingDays { get; init; } = 14;

    /// <summary>A mailbox of the department that gets what case handlers get (besides their own accounts); optional.</summary>
    public string? DepartmentEmail { get; init; }

    /// <summary>A notification is deleted this many days after it was read, or after it was made when nobody read it.</summary>
    public int RetentionDays { get; init; } = 365;

    /// <summary>How many times the outbox tries one mail before it gives up (the state becomes failed).</summary>
    public int MailAttempts { get; init; } = 5;

    /// <summary>How long an outbox run holds a mail it claimed: longer than sending one mail can take.</summary>
    public TimeSpan MailClaim { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 1, 5, 30 minutes, then 2 hours.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(2),
    };

    /// <summary>Reads the settings; a value that does not parse stops the app at start, naming the setting.</summary>
    public static NotificationSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new NotificationSettings();
        var email = config["Notifications:DepartmentEmail"]?.Trim();
        if (email is { Length: > 0 } && (!email.Contains('@', StringComparison.Ordinal) || email.AsSpan().IndexOfAny("\r\n ") >= 0))
        {
            throw new InvalidOperationException($"Notifications:DepartmentEmail: '{email}' is not an e-mail address.");
        }

        return defaults with
        {
            DeadlineDays = Days(config, "Reminders:DeadlineDays") ?? defaults.DeadlineDays,
            ResponseDays = Number(config, "Reminders:ResponseDays", min: 1) ?? defaults.ResponseDays,
            ReportOverdueDays = Number(config, "Reminders:ReportOverdueDays", min: 1) ?? defaults.ReportOverdueDays,
            ReviewWaitingDays = Number(config, "Reminders:ReviewWaitingDays", min: 1) ?? defaults.ReviewWaitingDays,
            DepartmentEmail = email is { Length: > 0 } ? email : null,
            RetentionDays = Number(config, "Notifications:RetentionDays", min: 30) ?? defaults.RetentionDays,
            MailAttempts = Number(config, "Notifications:MailAttempts", min: 1) ?? defaults.MailAttempts,
        };
    }

    /// <summary>A list of whole days: one value with commas ("30,7,1") or numbered items (Reminders__DeadlineDays__0).</summary>
    private static List<int>? Days(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var texts = section.Value is { } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        if (texts.Length == 0)
        {
            return null;
        }

        var days = new List<int>();
        foreach (var text in texts)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > 366)
            {
                throw new InvalidOperationException($"{key}: '{text}' is not a number of days from 1 to 366 (e.g. 30,7,1).");
            }

            days.Add(day);
        }

        return days.Distinct().OrderDescending().ToList();
    }

    private static int? Number(IConfiguration config, string key, int min)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new InvalidOperationException($"{key}: '{text}' is not a whole number of at least {min}.");
    }
}
