using Regiekamer.Core.Accounts;

namespace Regiekamer.Web.Features.Account;

/// <summary>The model of the token list partial: one user's tokens; <see cref="UserId"/> set on an administrator's page.</summary>
public sealed record TokenTable(IReadOnlyList<ApiToken> Tokens, DateTime Now, Guid? UserId);
