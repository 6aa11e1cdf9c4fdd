using Microsoft.AspNetCore.Identity;

namespace Regiekamer.Core.Accounts;

/// <summary>A person who signs in: department staff, regisseurs, signatories, staff of member municipalities.</summary>
public sealed class RegiekamerUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Roles, in the glossary's terms. Department roles are global; partnership roles hold for one partnership.</summary>
public enum Role
{
    /// <summary>Department: calls, users, reference data, publishing allocations.</summary>
    Administrator,

    /// <summary>Department: dossierbehandelaar — reviews and decisions.</summary>
    CaseHandler,

    /// <summary>Department: reads everything, dashboards.</summary>
    PolicyOfficer,

    /// <summary>Partnership: edits its own partnership's data, plans and reports.</summary>
    Regisseur,

    /// <summary>Partnership: may sign and submit for the partnership.</summary>
    Signatory,

    /// <summary>Partnership: staff of a member municipality, reads its partnership.</summary>
    MemberViewer,
}

public static class RoleScopes
{
    public static bool IsDepartmentRole(this Role role) => role is Role.Administrator or Role.CaseHandler or Role.PolicyOfficer;
}

/// <summary>One role of one user; <see cref="PartnershipId"/> is set exactly for the partnership roles.</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }

    public Guid UserId { get; set; }

    public Role Role { get; set; }

    public int? PartnershipId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A bearer token for a machine client, tied to a user and acting with that user's roles. Only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the secret.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the token, to recognise it in a list.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }
}

/// <summary>An ASP.NET Core data-protection key, kept in the database so that several instances share sign-ins.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
