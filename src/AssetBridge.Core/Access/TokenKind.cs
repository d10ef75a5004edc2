namespace AssetBridge.Core.Access;

/// <summary>What a bearer token lets its holder do.</summary>
public enum TokenKind
{
    /// <summary>Every admin API route.</summary>
    Admin,
    /// <summary>Read-only admin API routes (list, show, devices, metrics).</summary>
    Reader,
    /// <summary>One agent enrolment, once, before it expires.</summary>
    Enrollment,
    /// <summary>An enrolled agent's session, issued after it proved it holds its signing key.</summary>
    AgentSession,
}
