-- Two migrations written in parallel (running over and ending; teaching tools) each replaced this
-- CHECK with its own list of command types; the later one dropped the other's. One list, both sets.
ALTER TABLE "meeting_commands" DROP CONSTRAINT "meeting_commands_type";--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_type" CHECK ("meeting_commands"."type" IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended', 'speaker_allowed', 'speaker_revoked', 'class_extended', 'mushaf_set', 'mushaf_closed', 'poll_changed'));
