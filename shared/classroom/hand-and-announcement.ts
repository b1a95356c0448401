/**
 * What a room's state keeps besides its tools: raised hands and the announcement
 * (room_states columns; the browser reads them through the room state).
 */

/** A raised hand as the room state stores it (room_states.raised_hands). */
export interface RaisedHand {
  userId: number;
  identity: string;
  name: string;
  raisedAt: string;
}

/** The announcement shown to everyone (room_states.announcement). */
export interface Announcement {
  id: string;
  text: string;
  by: string;
  at: string;
}
