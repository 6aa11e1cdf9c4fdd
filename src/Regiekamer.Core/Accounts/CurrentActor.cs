namespace Regiekamer.Core.Accounts;

/// <summary>Who is acting, as the audit trail records it.</summary>
public sealed record Actor(Guid? UserId, string Name, string Role)
{
    public static Actor System { get; } = new(null, "system", "System");

    /// <summary>What the name of the operator at the command line starts with.</summary>
    public const string CliPrefix = "cli:";

    public static Actor Cli(string account) => new(null, CliPrefix + account, "Operator");
}

/// <summary>The actor of the current request or command. The web app sets it from the signed-in user; the CLI from the OS account.</summary>
public sealed class CurrentActor
{
    public Actor Actor { get; set; } = Actor.System;
}
